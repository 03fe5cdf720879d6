/** Maven artifact resolution for {@code %maven}, through Maven Resolver, cached in {@code ~/.m2/repository}. */
package dev.jmp.kernel.maven;
