package dev.jmp.launch;

/** The launcher contract for the {@code local} launcher. */
class LocalLauncherIT extends LauncherContract {

    @Override
    protected Launcher launcher() {
        return new LocalLauncher();
    }
}
