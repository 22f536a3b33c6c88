package io.shardline.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * First handler of an HTTPS connection: a client that speaks plain HTTP to the TLS port gets Go's answer (what
 * InfluxDB 1.x sends), {@code HTTP/1.0 400 Bad Request} with "Client sent an HTTP request to an HTTPS server.",
 * and the connection is closed. Like Go, it looks at the first five bytes — where a TLS record header would be —
 * and takes the start of a GET, HEAD, POST, PUT or OPTIONS request for HTTP; anything else goes on to the TLS
 * handler (which closes on what is not TLS). Removes itself after that first look. One per connection.
 */
final class PlainHttpOnTlsPort extends ByteToMessageDecoder {

    /** Go's {@code tlsRecordHeaderLooksLikeHTTP}. */
    private static final Set<String> HTTP_STARTS = Set.of("GET /", "HEAD ", "POST ", "PUT /", "OPTIO");

    static final byte[] ANSWER = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        String head = in.toString(in.readerIndex(), 5, StandardCharsets.ISO_8859_1);
        if (HTTP_STARTS.contains(head)) {
            in.skipBytes(in.readableBytes());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        // TLS (or garbage the TLS handler refuses): hand everything read so far on, unread.
        ctx.pipeline().remove(this);
    }
}
