package dev.jmp.magics.scan;

import java.util.List;

/**
 * One entry of the {@code BootstrapMethods} attribute: the bootstrap handle and its static
 * arguments, as constant pool indexes (resolve them with {@link ConstantPool}).
 *
 * @param method    the bootstrap method, for lambdas {@code LambdaMetafactory.metafactory}
 * @param arguments constant pool indexes of the static arguments
 */
public record BootstrapMethod(HandleRef method, List<Integer> arguments) {

    /** Copies the argument list. */
    public BootstrapMethod {
        arguments = List.copyOf(arguments);
    }
}
