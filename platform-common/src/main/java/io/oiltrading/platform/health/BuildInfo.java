package io.oiltrading.platform.health;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Name, version and git commit of the running build; the commit comes from git.properties written at build time. */
@Singleton
public class BuildInfo {

    private final String name;
    private final String version;
    private final String commit;

    BuildInfo(@ConfigProperty(name = "quarkus.application.name") String name,
              @ConfigProperty(name = "quarkus.application.version") String version) {
        this.name = name;
        this.version = version;
        this.commit = readCommit();
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String commit() {
        return commit;
    }

    private static String readCommit() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties git = new Properties();
            git.load(in);
            String id = git.getProperty("git.commit.id.abbrev", "unknown");
            return Boolean.parseBoolean(git.getProperty("git.dirty")) ? id + "-dirty" : id;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
