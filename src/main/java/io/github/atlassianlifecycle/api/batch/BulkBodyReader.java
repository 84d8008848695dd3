package io.github.atlassianlifecycle.api.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.StrictJson;
import io.github.atlassianlifecycle.api.ApiProblem;
import io.github.atlassianlifecycle.api.request.RequestBodyReader;

/**
 * Reads a bulk request as it streams in, never more than its limits: at most {@code maxRows} rows, and at most
 * {@value #MAX_ROW_BYTES} bytes a row on average (a body beyond that is refused before it is read to its end). CSV
 * (header {@value #HEADER}, the contract's, optionally followed by the columns {@link #OPTIONAL}, so ADD rows can
 * name a display name and groups, {@code ;}-separated) or a JSON array of the objects a single request takes; each row is checked by
 * {@link RequestBodyReader}, the single request's rules, and a row that breaks them is kept as a refused row with
 * every reason, so the good rows can go on.
 */
final class BulkBodyReader {

    static final String HEADER = "action,accountId,email,reason,reasonCode";
    static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** Columns a header may add after the contract's, each once, in any order: what an ADD row needs besides. */
    static final List<String> OPTIONAL = List.of("displayName", "groups");
    /** How a groups cell separates the names (a comma would need quoting). */
    static final String GROUP_SEPARATOR = ";";
    /** A row's share of the body: a reason of 2,000 characters, in UTF-8, and the rest, with room to spare. */
    static final int MAX_ROW_BYTES = 8 * 1024;

    /** The single request's JSON rules, but reading one item of a stream at a time (the rest of it follows). */
    private static final ObjectMapper ITEMS = StrictJson.MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RequestBodyReader rows = new RequestBodyReader();
    private final int maxRows;

    BulkBodyReader(int maxRows) {
        this.maxRows = maxRows;
    }

    long maxBytes() {
        return (long) maxRows * MAX_ROW_BYTES + 1024;
    }

    /** CSV rows; {@code line} is the line of the file the row begins on (the header is line 1). */
    List<BatchRow> csv(InputStream body) {
        Reader reader = new InputStreamReader(new Limited(body, maxBytes()), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            CsvRecords records = new CsvRecords(reader);
            List<String> columns = columns(records.next());
            List<BatchRow> read = new ArrayList<>();
            for (CsvRecords.Csv record = records.next(); record != null; record = records.next()) {
                tooMany(read.size() + 1);
                read.add(csvRow(record, columns));
            }
            return read;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException(List.of(new FieldError("body", "is not UTF-8 text")));
            }
            throw e;
        }
    }

    /** The header's columns: the contract's first, in its order, then any of {@link #OPTIONAL}, each once. */
    private static List<String> columns(CsvRecords.Csv header) {
        if (header == null || header.malformed() != null || header.fields().size() < COLUMNS.size()
                || !COLUMNS.equals(header.fields().subList(0, COLUMNS.size()))) {
            throw new InvalidRequestException(List.of(new FieldError("header", "must be " + HEADER
                    + ", optionally followed by " + String.join(", ", OPTIONAL)
                    + (header == null ? " (the body is empty)" : " (line 1 is: " + shorten(String.join(",",
                            header.fields())) + ")"))));
        }
        List<String> extra = header.fields().subList(COLUMNS.size(), header.fields().size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < extra.size(); i++) {
            String column = extra.get(i);
            if (!OPTIONAL.contains(column)) {
                errors.add(new FieldError("header", "has the unknown column '" + shorten(column) + "': after "
                        + HEADER + " a header may add only " + String.join(", ", OPTIONAL)));
            } else if (extra.subList(0, i).contains(column)) {
                errors.add(new FieldError("header", "names the column '" + column + "' more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return header.fields();
    }

    private BatchRow csvRow(CsvRecords.Csv record, List<String> columns) {
        if (record.malformed() != null) {
            return BatchRow.refused(record.line(), "malformed CSV: " + record.malformed());
        }
        if (record.fields().size() != columns.size()) {
            return BatchRow.refused(record.line(), "has " + record.fields().size() + " fields; the header has "
                    + columns.size() + " (" + String.join(",", columns) + ")");
        }
        ObjectNode object = StrictJson.MAPPER.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String cell = record.fields().get(i);
            if (cell.isEmpty()) { // an empty cell is a field not given
                continue;
            }
            if ("groups".equals(columns.get(i))) {
                ArrayNode groups = object.putArray("groups");
                Arrays.stream(cell.split(GROUP_SEPARATOR)).map(String::trim).filter(name -> !name.isEmpty())
                        .forEach(groups::add);
            } else {
                object.put(columns.get(i), cell);
            }
        }
        return row(record.line(), object);
    }

    /** JSON rows; {@code line} is the row's index in the array, from 0. */
    List<BatchRow> json(InputStream body) {
        List<BatchRow> read = new ArrayList<>();
        try (JsonParser parser = ITEMS.createParser(new Limited(body, maxBytes()))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw invalid("must be a JSON array of requests");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw invalid("is not valid JSON (the array is never closed)");
                }
                tooMany(read.size() + 1);
                JsonNode item = parser.readValueAsTree();
                read.add(row(read.size(), item));
            }
            if (parser.nextToken() != null) {
                throw invalid("is not valid JSON (something follows the array)");
            }
            return read;
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON at item [" + read.size() + "] (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BatchRow row(int line, JsonNode item) {
        try {
            return BatchRow.good(line, rows.read(item));
        } catch (InvalidRequestException e) {
            return BatchRow.refused(line, e.errors().stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private void tooMany(int rowCount) {
        if (rowCount > maxRows) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-many-rows", "Too many rows",
                    "A bulk request carries at most " + maxRows + " rows (atlassian.bulk.max-rows); nothing was "
                            + "stored or started. Split it.");
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(List.of(new FieldError("body", message)));
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Refuses to read past {@code limit} bytes: a body that large is refused before it fills memory. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                        "A bulk request of at most its rows may be at most " + limit + " bytes; nothing was stored "
                                + "or started.");
            }
        }
    }
}
