package dev.jmp.kernel.maven;

import dev.jmp.magics.ArtifactResolver;
import dev.jmp.magics.MagicException;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves Maven coordinates with their transitive compile and runtime dependencies from
 * Maven Central into the local repository ({@code ~/.m2/repository}, or the
 * {@code maven.repo.local} system property), using Maven Resolver.
 */
public final class MavenArtifactResolver implements ArtifactResolver {

    /** Maven Central's address. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final List<RemoteRepository> remotes = new ArrayList<>();
    private RepositorySystem system;

    /** Creates a resolver using Maven Central and the default local repository. */
    public MavenArtifactResolver() {
        this(defaultLocalRepository(), List.of(CENTRAL));
    }

    /**
     * Creates a resolver.
     *
     * @param localRepository the local repository (cache) folder
     * @param remoteUrls      the remote repositories, searched in order
     */
    public MavenArtifactResolver(Path localRepository, List<String> remoteUrls) {
        this.localRepository = localRepository;
        List<RemoteRepository> list = new ArrayList<>();
        for (int i = 0; i < remoteUrls.size(); i++) {
            list.add(new RemoteRepository.Builder(i == 0 ? "central" : "remote" + i, "default", remoteUrls.get(i)).build());
        }
        this.remotes.addAll(list);
    }

    /**
     * Adds a remote repository searched after the others ({@code %mavenRepo}); an id already
     * known gets the new URL.
     *
     * @param id  the repository's id (letters, digits, '.', '_', '-')
     * @param url its URL: http, https or file
     * @throws MagicException when the id or the URL is not acceptable
     */
    public synchronized void addRepository(String id, String url) throws MagicException {
        if (!id.matches("[\\w.-]+")) {
            throw new MagicException("%mavenRepo: '" + id + "' is not a repository id (letters, digits, '.', '_', '-')");
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !List.of("http", "https", "file").contains(uri.getScheme().toLowerCase())) {
            throw new MagicException("%mavenRepo: '" + url + "' is not a repository URL (give http://, https:// or file:// URLs)");
        }
        remotes.removeIf(r -> r.getId().equals(id));
        remotes.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /**
     * The remote repositories, in search order.
     *
     * @return id and URL of each
     */
    public synchronized List<String> repositories() {
        return remotes.stream().map(r -> r.getId() + " " + r.getUrl()).toList();
    }

    private static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Override
    public synchronized List<Path> resolve(List<String> coordinates) throws MagicException {
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(new ArrayList<>(remotes));
        for (String coordinate : coordinates) {
            Artifact artifact;
            try {
                artifact = new DefaultArtifact(coordinate);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%maven: malformed coordinate '" + coordinate
                        + "'. Expected GROUP:ARTIFACT:VERSION (or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION).", e);
            }
            collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
        }
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
        try {
            Set<Path> jars = new LinkedHashSet<>();
            for (ArtifactResult result : system().resolveDependencies(session(), request).getArtifactResults()) {
                if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
                    jars.add(result.getArtifact().getFile().toPath());
                }
            }
            return new ArrayList<>(jars);
        } catch (DependencyResolutionException e) {
            throw new MagicException("%maven: cannot resolve " + String.join(", ", coordinates) + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MagicException("%maven: resolution of " + String.join(", ", coordinates) + " failed: "
                    + rootMessage(e), e);
        }
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private DefaultRepositorySystemSession session() {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // POMs activate profiles on java.version, os.name ...: without these, parent POMs and
        // dependency lists are read wrongly. A broken POM must fail loudly, not drop dependencies.
        session.setSystemProperties(System.getProperties());
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        session.setLocalRepositoryManager(system().newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        return session;
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
