package io.shardline.common.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes one header or claims segment of a JWT the way jwt-go's {@code DecodeSegment} and Go's JSON
 * decoder do, with their error texts ({@code illegal base64 data at input byte 1},
 * {@code invalid character 'h' looking for beginning of value}, {@code unexpected end of JSON input},
 * {@code json: cannot unmarshal array into Go value of type ...}). Stateless.
 */
final class GoJwtSegments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** A segment that does not decode; the message is Go's. */
    static final class SegmentException extends Exception {
        SegmentException(String message) {
            super(message, null, false, false);
        }
    }

    private GoJwtSegments() {
    }

    /** The JSON object in {@code segment}; {@code goType} names the Go target type in unmarshal errors. */
    static JsonNode json(String segment, String goType) throws SegmentException {
        String text = new String(base64(segment), StandardCharsets.UTF_8);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new SegmentException("unexpected end of JSON input");
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            char c = trimmed.charAt(0);
            if ("{[\"tfn-0123456789".indexOf(c) < 0) {
                throw new SegmentException("invalid character '" + c + "' looking for beginning of value");
            }
            throw new SegmentException("unexpected end of JSON input");
        }
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            String kind = node.isArray() ? "array" : node.isTextual() ? "string" : node.isNumber() ? "number" : "bool";
            throw new SegmentException("json: cannot unmarshal " + kind + " into Go value of type " + goType);
        }
        return node;
    }

    /** jwt-go pads to a multiple of four and decodes with Go's strict URL alphabet. */
    static byte[] base64(String segment) throws SegmentException {
        for (int i = 0; i < segment.length(); i++) {
            if (ALPHABET.indexOf(segment.charAt(i)) < 0) {
                throw new SegmentException("illegal base64 data at input byte " + i);
            }
        }
        if (segment.length() % 4 == 1) {
            throw new SegmentException("illegal base64 data at input byte " + segment.length());
        }
        return Base64.getUrlDecoder().decode(segment);
    }
}
