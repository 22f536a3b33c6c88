package io.shardline.datanode.query;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of an EXPLAIN ANALYZE tree, drawn like 1.x's ({@code .} for the root, then {@code ├── }/{@code └── }
 * branches and {@code │   } rails, one line per node). Built by one thread, then rendered.
 */
final class PlanTree {

    private final String text;
    private final List<PlanTree> children = new ArrayList<>();

    PlanTree(String text) {
        this.text = text;
    }

    /** Adds a child and returns it. */
    PlanTree child(String childText) {
        PlanTree c = new PlanTree(childText);
        children.add(c);
        return c;
    }

    /** Adds a subtree built apart (it is drawn where it is added). */
    void add(PlanTree subtree) {
        children.add(subtree);
    }

    /** The lines of the tree under a {@code .} root whose children are this node's. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(".");
        draw(children, "", out);
        return out;
    }

    private static void draw(List<PlanTree> nodes, String prefix, List<String> out) {
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            out.add(prefix + (last ? "└── " : "├── ") + nodes.get(i).text);
            draw(nodes.get(i).children, prefix + (last ? "    " : "│   "), out);
        }
    }
}
