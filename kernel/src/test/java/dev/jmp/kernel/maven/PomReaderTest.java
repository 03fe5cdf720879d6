package dev.jmp.kernel.maven;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class PomReaderTest {

    @Test
    void wholePomWithPropertiesManagementScopesAndRepositories() throws MagicException {
        String pom = """
                <?xml version="1.0"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>g</groupId><artifactId>app</artifactId><version>2.0</version>
                  <properties><text.version>1.10.0</text.version></properties>
                  <repositories><repository><id>local</id><url>file:///tmp/repo</url></repository></repositories>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>org.x</groupId><artifactId>managed</artifactId><version>3.1</version></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId><version>${text.version}</version></dependency>
                    <dependency><groupId>org.x</groupId><artifactId>managed</artifactId><scope>runtime</scope></dependency>
                    <dependency><groupId>g</groupId><artifactId>sibling</artifactId><version>${project.version}</version><classifier>tests</classifier><scope>test</scope></dependency>
                  </dependencies>
                </project>""";
        PomReader.Contents contents = PomReader.read(pom, "pom.xml");
        assertEquals(List.of(new PomReader.Repository("local", "file:///tmp/repo")), contents.repositories());
        assertEquals(List.of(new PomReader.Dependency("org.apache.commons:commons-text:1.10.0", "compile"),
                new PomReader.Dependency("org.x:managed:3.1", "runtime"),
                new PomReader.Dependency("g:sibling:jar:tests:2.0", "test")), contents.dependencies());
    }

    @Test
    void fragmentOfBareElementsAsIJavaAccepts() throws MagicException {
        String fragment = """
                <repository><id>snap</id><url>https://example.org/snapshots/</url></repository>
                <dependency><groupId>a</groupId><artifactId>b</artifactId><version>1</version><type>pom</type></dependency>""";
        PomReader.Contents contents = PomReader.read(fragment, "the cell");
        assertEquals(List.of(new PomReader.Repository("snap", "https://example.org/snapshots/")), contents.repositories());
        assertEquals(List.of(new PomReader.Dependency("a:b:pom:1", "compile")), contents.dependencies());
    }

    @Test
    void badInputSaysWhatIsWrong() {
        MagicException noVersion = assertThrows(MagicException.class, () -> PomReader.read(
                "<dependency><groupId>a</groupId><artifactId>b</artifactId></dependency>", "the cell"));
        assertTrue(noVersion.getMessage().contains("a:b in the cell has no <version>"), noVersion.getMessage());
        MagicException property = assertThrows(MagicException.class, () -> PomReader.read(
                "<dependency><groupId>a</groupId><artifactId>b</artifactId><version>${v}</version></dependency>", "the cell"));
        assertTrue(property.getMessage().contains("${v}"), property.getMessage());
        MagicException notXml = assertThrows(MagicException.class, () -> PomReader.read("<dependency>", "pom.xml"));
        assertTrue(notXml.getMessage().contains("pom.xml is not a POM"), notXml.getMessage());
        MagicException doctype = assertThrows(MagicException.class, () -> PomReader.read(
                "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>", "pom.xml"));
        assertTrue(doctype.getMessage().contains("is not a POM"), doctype.getMessage());
    }
}
