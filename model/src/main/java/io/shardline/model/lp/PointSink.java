package io.shardline.model.lp;

import io.shardline.model.Point;

/**
 * Receives the outcome of each line of a line-protocol body, in input order: a point for a good
 * line, a 1.x error message ({@code unable to parse '<line>': <reason>}) for a bad one. Called on
 * the thread that feeds the {@link LineProtocolStream}.
 */
public interface PointSink {

    /** A parsed point. */
    void point(Point point);

    /** The error of one bad line. */
    void error(String message);
}
