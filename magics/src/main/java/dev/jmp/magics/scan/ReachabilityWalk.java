package dev.jmp.magics.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One analysis run: a worklist over notebook methods (method granularity), with the rules
 * {@link StaticReadAnalyzer} documents. Names are internal names ({@code REPL/$JShell$11}).
 */
final class ReachabilityWalk {

    private final Function<String, ClassFile> classes;
    private final Predicate<String> notebook;
    private final List<String> knownClasses;
    private final int maxMethods;

    private final Deque<MemberRef> work = new ArrayDeque<>();
    private final Set<MemberRef> visited = new HashSet<>();
    private final Set<String> liveClasses = new HashSet<>();
    private final Set<String> initialized = new HashSet<>();
    private final Set<MemberRef> virtualCalls = new LinkedHashSet<>();
    private final Set<String> parsedNotebookClasses = new LinkedHashSet<>();
    private final Set<StaticField> fields = new LinkedHashSet<>();
    private final Set<StaticField> finals = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();

    ReachabilityWalk(Function<String, ClassFile> classes, Predicate<String> notebookInternal,
                     List<String> knownClasses, int maxMethods) {
        this.classes = classes;
        this.notebook = notebookInternal;
        this.knownClasses = knownClasses;
        this.maxMethods = maxMethods;
    }

    /** Loads a notebook class, remembering it for override matching; null if absent or not notebook. */
    private ClassFile load(String name) {
        if (name == null || !notebook.test(name)) {
            return null;
        }
        ClassFile c = classes.apply(name);
        if (c == null) {
            missing.add(name.replace('/', '.'));
        } else {
            parsedNotebookClasses.add(name);
        }
        return c;
    }

    void method(MemberRef m) {
        if (notebook.test(m.owner()) && !visited.contains(m)) {
            work.add(m);
        }
    }

    /** Adds a method resolved upward from its symbolic owner through notebook supertypes. */
    void resolvedMethod(MemberRef m) {
        ClassFile c = declaringClass(m.owner(), m.name(), m.descriptor(), new HashSet<>());
        if (c != null) {
            method(new MemberRef(c.name(), m.name(), m.descriptor()));
        }
        initialize(m.owner());
    }

    private ClassFile declaringClass(String owner, String name, String descriptor, Set<String> seen) {
        if (!seen.add(owner == null ? "" : owner)) {
            return null;
        }
        ClassFile c = load(owner);
        if (c == null) {
            return null;
        }
        if (c.method(name, descriptor) != null) {
            return c;
        }
        ClassFile found = declaringClass(c.superName(), name, descriptor, seen);
        for (int i = 0; found == null && i < c.interfaces().size(); i++) {
            found = declaringClass(c.interfaces().get(i), name, descriptor, seen);
        }
        return found;
    }

    /** A virtual or interface call: the resolved target plus every notebook override of it. */
    void virtualCall(MemberRef m) {
        resolvedMethod(m);
        if (virtualCalls.add(m)) {
            for (String known : knownClasses) {
                matchOverride(known, m);
            }
            for (String parsed : List.copyOf(parsedNotebookClasses)) {
                matchOverride(parsed, m);
            }
        }
    }

    private void matchOverride(String className, MemberRef call) {
        ClassFile c = load(className);
        if (c == null) {
            return;
        }
        MethodInfo candidate = c.method(call.name(), call.descriptor());
        if (candidate != null && !candidate.isStatic()
                && (!notebook.test(call.owner()) || isSubtype(className, call.owner(), new HashSet<>()))) {
            method(new MemberRef(className, call.name(), call.descriptor()));
            initialize(className);
        }
    }

    private boolean isSubtype(String type, String ancestor, Set<String> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (type.equals(ancestor)) {
            return true;
        }
        ClassFile c = load(type);
        if (c == null) {
            return false;
        }
        if (isSubtype(c.superName(), ancestor, seen)) {
            return true;
        }
        for (String i : c.interfaces()) {
            if (isSubtype(i, ancestor, seen)) {
                return true;
            }
        }
        return false;
    }

    /** A notebook class whose instances reach the code: JDK code may call any of its methods. */
    void liveClass(String name) {
        for (String type = name; type != null && liveClasses.add(type); ) {
            ClassFile c = load(type);
            if (c == null) {
                return;
            }
            for (MethodInfo m : c.methods()) {
                if (!m.isStatic()) {
                    method(new MemberRef(type, m.name(), m.descriptor()));
                }
            }
            initialize(type);
            c.interfaces().forEach(this::liveClass); // default methods
            type = c.superName();
        }
    }

    /** The class initializer runs in the worker too, so what it reads must be installed. */
    private void initialize(String name) {
        if (initialized.add(name)) {
            ClassFile c = load(name);
            if (c != null && c.method("<clinit>", "()V") != null) {
                method(new MemberRef(name, "<clinit>", "()V"));
            }
        }
    }

    private void staticRead(MemberRef f) {
        if (!notebook.test(f.owner())) {
            return;
        }
        initialize(f.owner());
        liveType(f.descriptor());
        for (String owner = f.owner(); owner != null; ) {
            ClassFile c = load(owner);
            if (c == null) {
                return;
            }
            FieldInfo info = c.field(f.name());
            if (info != null && info.isStatic()) {
                StaticField field = new StaticField(owner.replace('/', '.'), f.name(), f.descriptor());
                if (!info.isFinal()) {
                    fields.add(field);
                } else if (!info.isInlinedConstant()) {
                    finals.add(field);
                }
                return;
            }
            owner = c.superName(); // interface constants are always final: they need no copy
        }
    }

    private void liveType(String descriptor) {
        int start = descriptor.lastIndexOf('[') + 1;
        if (descriptor.charAt(start) == 'L') {
            String type = descriptor.substring(start + 1, descriptor.length() - 1);
            if (notebook.test(type)) {
                liveClass(type);
            }
        }
    }

    void handle(HandleRef h) {
        MemberRef m = h.member();
        switch (h.kind()) {
            case HandleRef.REF_GET_STATIC -> staticRead(m);
            case HandleRef.REF_INVOKE_VIRTUAL, HandleRef.REF_INVOKE_INTERFACE -> virtualCall(m);
            case HandleRef.REF_INVOKE_STATIC, HandleRef.REF_INVOKE_SPECIAL -> resolvedMethod(m);
            case HandleRef.REF_NEW_INVOKE_SPECIAL -> {
                liveClass(m.owner());
                resolvedMethod(m);
            }
            default -> {
                // instance field handles read no notebook variable
            }
        }
    }

    /** Drains the worklist until no new method or override appears. */
    StaticReads run() {
        while (!work.isEmpty()) {
            MemberRef m = work.poll();
            if (!visited.add(m)) {
                continue;
            }
            if (visited.size() > maxMethods) {
                throw new IllegalStateException("the code reaches more than " + maxMethods
                        + " notebook methods; analysis stopped (last: " + m + ")");
            }
            ClassFile c = load(m.owner());
            MethodInfo info = c == null ? null : c.method(m.name(), m.descriptor());
            if (info != null) {
                scan(c.scan(info));
            }
            if (work.isEmpty()) {
                for (MemberRef call : List.copyOf(virtualCalls)) {
                    for (String parsed : new ArrayList<>(parsedNotebookClasses)) {
                        matchOverride(parsed, call); // classes parsed after the call was seen
                    }
                }
            }
        }
        return new StaticReads(fields, finals, missing, visited.size());
    }

    private void scan(CodeRefs r) {
        r.getStatic().forEach(this::staticRead);
        r.invokeStatic().forEach(this::resolvedMethod);
        r.invokeSpecial().forEach(this::resolvedMethod);
        r.invokeVirtual().forEach(this::virtualCall);
        r.invokeInterface().forEach(this::virtualCall);
        r.putStatic().forEach(f -> initialize(f.owner()));
        for (String type : r.newTypes()) {
            if (notebook.test(type)) {
                liveClass(type);
            }
        }
        for (String type : r.typeRefs()) {
            if (notebook.test(type)) {
                liveClass(type);
            }
        }
        r.handles().forEach(this::handle);
    }
}
