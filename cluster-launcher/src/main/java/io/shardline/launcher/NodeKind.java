package io.shardline.launcher;

import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.LoggingConfig;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.meta.MetaNodeConfig;
import io.shardline.datanode.DataNode;
import io.shardline.meta.MetaNode;

/** The two node processes the launcher can run, with their configuration definitions. */
enum NodeKind {
    META(MetaNodeConfig.DEFINITION) {
        @Override
        Service create(Config config, Clock clock) {
            return new MetaNode(MetaNodeConfig.from(config), clock);
        }
    },
    DATA(DataNodeConfig.DEFINITION) {
        @Override
        Service create(Config config, Clock clock) {
            return new DataNode(DataNodeConfig.from(config), clock);
        }
    };

    private final ConfigDef definition;

    NodeKind(ConfigDef definition) {
        this.definition = definition;
    }

    ConfigDef definition() {
        return definition;
    }

    LoggingConfig logging(Config config) {
        return LoggingConfig.from(config);
    }

    abstract Service create(Config config, Clock clock);
}
