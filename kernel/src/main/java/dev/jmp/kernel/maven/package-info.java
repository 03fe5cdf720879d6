/**
 * Maven artifact resolution for {@code %maven}, through Maven Resolver, cached in {@code ~/.m2/repository};
 * {@code %mavenRepo} adds repositories besides Maven Central.
 */
package dev.jmp.kernel.maven;
