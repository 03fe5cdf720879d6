package dev.jmp.kernel.maven;

import dev.jmp.magics.MagicException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code %loadFromPOM} needs from a POM: its repositories and its dependencies as
 * coordinates, with {@code ${property}} references filled from {@code <properties>} and missing
 * versions from {@code <dependencyManagement>}. As in IJava, a text that is not a whole
 * {@code <project>} may hold bare {@code <dependency>}, {@code <repository>} and
 * {@code <properties>} elements. Parent POMs and imported BOMs are not read: a version they
 * would give is reported missing. DTDs are refused (no external entities are ever fetched).
 */
final class PomReader {

    /** The largest POM read, in characters: a POM is a few kilobytes. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** A repository to search. */
    record Repository(String id, String url) {
    }

    /**
     * A dependency.
     *
     * @param coordinate {@code G:A:V} or {@code G:A:EXT:CLASSIFIER:V}
     * @param scope      its scope ({@code compile} when none is given)
     */
    record Dependency(String coordinate, String scope) {
    }

    /** What a POM asks for. */
    record Contents(List<Repository> repositories, List<Dependency> dependencies) {
    }

    private PomReader() {
    }

    /**
     * Reads a POM, or a fragment of one.
     *
     * @param xml    the text
     * @param source what to call it in messages (a file name, or "the cell")
     * @return its repositories and dependencies, in order
     * @throws MagicException when it is not well-formed XML or a dependency lacks something
     */
    static Contents read(String xml, String source) throws MagicException {
        if (xml.length() > MAX_CHARS) {
            throw new MagicException("%loadFromPOM: " + source + " has " + xml.length() + " characters, more than the "
                    + MAX_CHARS + " a POM may have here");
        }
        String text = xml.strip();
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            text = end < 0 ? text : text.substring(end + 2).strip();
        }
        boolean whole = text.startsWith("<project");
        Element root = parse(whole ? text : "<fragment>" + text + "</fragment>", source).getDocumentElement();
        Map<String, String> properties = properties(root, whole);
        Map<String, String> managed = new HashMap<>();
        Element management = child(root, "dependencyManagement");
        if (management != null && child(management, "dependencies") != null) {
            for (Element d : children(child(management, "dependencies"), "dependency")) {
                String version = text(d, "version");
                if (version != null) {
                    managed.put(key(d, properties, source), fill(version, properties, source));
                }
            }
        }
        List<Repository> repositories = new ArrayList<>();
        for (Element r : elements(root, whole, "repositories", "repository")) {
            String id = text(r, "id");
            String url = text(r, "url");
            if (url == null) {
                throw new MagicException("%loadFromPOM: a <repository> in " + source + " has no <url>");
            }
            repositories.add(new Repository(id == null ? "repo-" + (repositories.size() + 1) : fill(id, properties, source),
                    fill(url, properties, source)));
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Element d : elements(root, whole, "dependencies", "dependency")) {
            String key = key(d, properties, source);
            String version = text(d, "version");
            version = version != null ? fill(version, properties, source) : managed.get(key);
            if (version == null) {
                throw new MagicException("%loadFromPOM: the dependency " + key + " in " + source + " has no <version> "
                        + "(versions from a parent POM or an imported BOM are not read: write the version)");
            }
            String type = value(d, "type", "jar", properties, source);
            String classifier = value(d, "classifier", "", properties, source);
            String coordinate = !classifier.isEmpty() ? key + ":" + type + ":" + classifier + ":" + version
                    : type.equals("jar") ? key + ":" + version : key + ":" + type + ":" + version;
            dependencies.add(new Dependency(coordinate, value(d, "scope", "compile", properties, source)));
        }
        return new Contents(List.copyOf(repositories), List.copyOf(dependencies));
    }

    private static Document parse(String xml, String source) throws MagicException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new MagicException("%loadFromPOM: " + source + " is not a POM (well-formed XML with a <project>, or "
                    + "<dependency> and <repository> elements): " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new MagicException("%loadFromPOM: cannot read " + source + ": " + e, e);
        }
    }

    /**
     * The {@code item} elements a POM declares: in a whole POM those in the {@code list} element
     * under {@code <project>}; in a fragment also bare ones.
     */
    private static List<Element> elements(Element root, boolean whole, String list, String item) {
        List<Element> found = new ArrayList<>();
        if (!whole) {
            found.addAll(children(root, item));
        }
        Element parent = child(root, list);
        if (parent != null) {
            found.addAll(children(parent, item));
        }
        return found;
    }

    private static Map<String, String> properties(Element root, boolean whole) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (whole) {
            for (String field : Set.of("groupId", "artifactId", "version")) {
                String value = text(root, field);
                if (value != null) {
                    properties.put("project." + field, value);
                }
            }
        }
        Element block = child(root, "properties");
        if (block != null) {
            for (Node n = block.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static String key(Element dependency, Map<String, String> properties, String source) throws MagicException {
        String group = text(dependency, "groupId");
        String artifact = text(dependency, "artifactId");
        if (group == null || artifact == null) {
            throw new MagicException("%loadFromPOM: a <dependency> in " + source + " lacks its <groupId> or <artifactId>");
        }
        return fill(group, properties, source) + ":" + fill(artifact, properties, source);
    }

    private static String value(Element parent, String name, String otherwise, Map<String, String> properties, String source)
            throws MagicException {
        String text = text(parent, name);
        return text == null ? otherwise : fill(text, properties, source);
    }

    /** Replaces {@code ${name}} references (properties may refer to properties, a few levels deep). */
    static String fill(String text, Map<String, String> properties, String source) throws MagicException {
        String current = text;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = properties.get(m.group(1));
                if (value == null) {
                    throw new MagicException("%loadFromPOM: ${" + m.group(1) + "} in " + source
                            + " is not defined in its <properties> (properties of a parent POM are not read)");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
