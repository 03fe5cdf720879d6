package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;

import java.util.List;

/**
 * What a kernel_info_reply says about the kernel.
 *
 * @param version   the kernel's implementation version
 * @param language  the language it runs
 * @param banner    the banner consoles show
 * @param helpLinks the links frontends put in their help menu
 */
public record KernelIdentity(String version, LanguageInfo language, String banner, List<LanguageInfo.Help> helpLinks) {

    /** Copies the links. */
    public KernelIdentity {
        helpLinks = List.copyOf(helpLinks);
    }
}
