/** Small checks shared by the API and the machinery, such as the timeouts callers pass. */
package dev.jmp.internal.util;
