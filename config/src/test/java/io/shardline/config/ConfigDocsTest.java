package io.shardline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.meta.MetaNodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails when docs/configuration.md differs from what the declarations generate. Regenerate with
 * {@code mvn -B -pl config -am test -Dshardline.updateDocs=true}.
 */
class ConfigDocsTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void configurationReferenceIsUpToDate() throws Exception {
        String generated = ConfigDocs.markdown(List.of(DataNodeConfig.DEFINITION, MetaNodeConfig.DEFINITION));
        if (Boolean.getBoolean("shardline.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated);
        }
        assertThat(DOC).as("docs/configuration.md is stale; regenerate with"
                + " `mvn -B -pl config -am test -Dshardline.updateDocs=true`").exists();
        assertThat(Files.readString(DOC)).as("docs/configuration.md is stale; regenerate with"
                + " `mvn -B -pl config -am test -Dshardline.updateDocs=true`").isEqualTo(generated);
    }
}
