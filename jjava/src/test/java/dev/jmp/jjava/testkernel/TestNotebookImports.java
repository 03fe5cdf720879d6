package dev.jmp.jjava.testkernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;

/**
 * The imports every JJava notebook starts with, installed the way JJava installs them: as an
 * extension on the kernel's own class path, found at start-up.
 */
public final class TestNotebookImports implements Extension {

    /** Creates the extension (called by the service loader). */
    public TestNotebookImports() {
    }

    @Override
    public void install(BaseKernel kernel) {
        kernel.eval("import java.util.*;\nimport java.io.*;\nimport java.math.*;\nimport java.net.*;\n"
                + "import java.time.*;\nimport java.util.concurrent.*;\nimport java.util.regex.*;\n"
                + "import static " + BaseNotebookStatics.class.getName() + ".*;");
    }
}
