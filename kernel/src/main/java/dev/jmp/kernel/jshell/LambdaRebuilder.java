package dev.jmp.kernel.jshell;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;

/**
 * The source of the {@code $deserializeLambda$} method that {@link LambdaSerializer} copies into
 * every notebook class whose lambdas it made serializable. Java deserialization rebuilds a
 * lambda by calling that method of the lambda's capturing class; javac writes one per class with
 * a case per lambda, this one rebuilds any lambda from what the {@link SerializedLambda} says
 * (its implementation method, interface and captured values), through the capturing class's
 * own lookup, so it serves whatever lambdas the class has.
 *
 * <p>The method is copied instruction for instruction into classes that run in workers, where
 * the kernel is absent: it must use the JDK alone (no other method of this class, no lambda,
 * no string concatenation), and {@code MethodHandles.lookup()} in it then names the class it
 * was copied into.
 */
final class LambdaRebuilder {

    /** The copied method's name and descriptor, as Java deserialization looks it up. */
    static final String NAME = "$deserializeLambda$";
    static final String DESCRIPTOR = "(Ljava/lang/invoke/SerializedLambda;)Ljava/lang/Object;";

    private LambdaRebuilder() {
    }

    @SuppressWarnings("unused") // copied, never called here
    private static Object $deserializeLambda$(SerializedLambda lambda) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        ClassLoader loader = lookup.lookupClass().getClassLoader();
        Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
        MethodType implType = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
        String implName = lambda.getImplMethodName();
        int kind = lambda.getImplMethodKind();
        MethodHandle impl;
        if (kind == MethodHandleInfo.REF_invokeStatic) {
            impl = lookup.findStatic(implClass, implName, implType);
        } else if (kind == MethodHandleInfo.REF_newInvokeSpecial) {
            impl = lookup.findConstructor(implClass, implType);
        } else if (kind == MethodHandleInfo.REF_invokeSpecial) {
            impl = lookup.findSpecial(implClass, implName, implType, lookup.lookupClass());
        } else {
            impl = lookup.findVirtual(implClass, implName, implType);
        }
        int count = lambda.getCapturedArgCount();
        Object[] captured = new Object[count];
        for (int i = 0; i < count; i++) {
            captured[i] = lambda.getCapturedArg(i);
        }
        // The captured values are the implementation's leading parameters (the receiver first).
        Class<?> face = Class.forName(lambda.getFunctionalInterfaceClass().replace('/', '.'), false, loader);
        MethodType factoryType = MethodType.methodType(face, impl.type().parameterList().subList(0, count));
        CallSite site = LambdaMetafactory.altMetafactory(lookup, lambda.getFunctionalInterfaceMethodName(),
                factoryType,
                MethodType.fromMethodDescriptorString(lambda.getFunctionalInterfaceMethodSignature(), loader),
                impl,
                MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader),
                LambdaMetafactory.FLAG_SERIALIZABLE);
        return site.getTarget().invokeWithArguments(captured);
    }
}
