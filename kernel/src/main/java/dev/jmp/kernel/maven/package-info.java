/**
 * Maven artifact resolution for {@code %maven}, through Maven Resolver, cached in {@code ~/.m2/repository};
 * {@code %mavenRepo} adds repositories besides Maven Central; {@code %loadFromPOM} reads a POM's.
 */
package dev.jmp.kernel.maven;
