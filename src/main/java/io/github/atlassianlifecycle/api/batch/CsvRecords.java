package io.github.atlassianlifecycle.api.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 has it, one record at a time: fields separated by commas; a field in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}); records end with CRLF or LF; a byte order mark before the
 * first record is skipped. Each record knows the line it began on (line 1 is the first), so a refused row is
 * named where a person finds it in the file. A record that breaks the syntax (a quote inside an unquoted field,
 * text after a closing quote, a quote never closed) comes back with the reason, and reading goes on after it.
 */
final class CsvRecords {

    /** One record: the line it began on, its fields, or why it is malformed. */
    record Csv(int line, List<String> fields, String malformed) {
    }

    private static final int END = -1;

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    Csv next() {
        if (!started) {
            started = true;
            int first = read();
            if (first != '\uFEFF') {
                unread(first);
            }
        }
        while (true) {
            int c = read();
            if (c == END) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r' && peekIs('\n')) {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private Csv record() {
        int begins = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String malformed = null;
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty()) {
                String problem = quoted(field);
                if (problem != null) {
                    malformed = malformed == null ? problem : malformed;
                    if (problem.startsWith("a quoted field is never closed")) {
                        fields.add(field.toString());
                        return new Csv(begins, fields, malformed);
                    }
                }
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != END) {
                    malformed = malformed == null ? "text after the closing quote of field " + (fields.size() + 1)
                            : malformed;
                    c = skipField(c, field);
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                continue;
            }
            if (c == '\r' && peekIs('\n')) {
                c = read();
            }
            if (c == '\n' || c == '\r' || c == END) {
                fields.add(field.toString());
                if (c != END) {
                    line++;
                }
                return new Csv(begins, fields, malformed);
            }
            if (c == '"') {
                malformed = malformed == null ? "a quote inside unquoted field " + (fields.size() + 1)
                        + " (quote the field and double the quote)" : malformed;
            }
            field.append((char) c);
        }
    }

    /** Reads a quoted field's content up to its closing quote; the reason when it never closes. */
    private String quoted(StringBuilder field) {
        while (true) {
            int c = read();
            if (c == END) {
                return "a quoted field is never closed";
            }
            if (c == '"') {
                if (peekIs('"')) {
                    read();
                    field.append('"');
                    continue;
                }
                return null;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    /** Skips to the end of a malformed field, keeping what it holds; answers the delimiter that ended it. */
    private int skipField(int c, StringBuilder field) {
        while (c != ',' && c != '\n' && c != '\r' && c != END) {
            field.append((char) c);
            c = read();
        }
        return c;
    }

    private boolean peekIs(int expected) {
        int c = read();
        unread(c);
        return c == expected;
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
