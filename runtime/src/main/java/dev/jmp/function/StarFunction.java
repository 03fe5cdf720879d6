package dev.jmp.function;

import java.io.Serializable;

/**
 * A function of any number of arguments that can be sent to another process, like a Python
 * function called as {@code f(*args)}: {@code args -> (int) args[0] + (int) args[1]}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface StarFunction<R> extends Serializable {

    /** Applies the function to the arguments. */
    R apply(Object... args) throws Exception;
}
