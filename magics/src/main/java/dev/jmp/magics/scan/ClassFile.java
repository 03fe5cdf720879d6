package dev.jmp.magics.scan;

import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The parts of a class file that code analysis needs: names, hierarchy, fields, and methods
 * with what their bytecode references. Read one with {@link ClassFileReader#read(byte[])}.
 */
public final class ClassFile {

    private final int access;
    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final List<FieldInfo> fields;
    private final List<MethodInfo> methods;

    ClassFile(int access, String name, String superName, List<String> interfaces, List<FieldInfo> fields,
              List<MethodInfo> methods) {
        this.access = access;
        this.name = name;
        this.superName = superName;
        this.interfaces = List.copyOf(interfaces);
        this.fields = List.copyOf(fields);
        this.methods = List.copyOf(methods);
    }

    /** @return the class's access flags */
    public int access() {
        return access;
    }

    /** @return whether this is an interface */
    public boolean isInterface() {
        return Modifier.isInterface(access);
    }

    /** @return the internal name, for example {@code REPL/$JShell$12$Point} */
    public String name() {
        return name;
    }

    /** @return the superclass's internal name, or {@code null} for {@code java/lang/Object} and modules */
    public String superName() {
        return superName;
    }

    /** @return the internal names of the directly implemented interfaces */
    public List<String> interfaces() {
        return interfaces;
    }

    /** @return the declared fields */
    public List<FieldInfo> fields() {
        return fields;
    }

    /** @return the declared methods, constructors and static initializer */
    public List<MethodInfo> methods() {
        return methods;
    }

    /**
     * @param fieldName a field name
     * @return the declared field of that name, or {@code null}
     */
    public FieldInfo field(String fieldName) {
        for (FieldInfo f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /**
     * @param methodName       a method name
     * @param methodDescriptor its descriptor
     * @return the declared method, or {@code null}
     */
    public MethodInfo method(String methodName, String methodDescriptor) {
        for (MethodInfo m : methods) {
            if (m.name().equals(methodName) && m.descriptor().equals(methodDescriptor)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Scans a method's bytecode for the members and types it references.
     *
     * @param method one of this class's methods
     * @return what the code references; empty for abstract and native methods
     */
    public CodeRefs scan(MethodInfo method) {
        return method.refs();
    }

    @Override
    public String toString() {
        return name;
    }
}
