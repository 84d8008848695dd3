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
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.api.FieldError;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.ApiProblem;
import io.github.atlassianlifecycle.api.request.RequestBodyReader;

/**
 * Reads a bulk request as it streams in, never more than its limits: at most {@code maxRows} rows, and at most
 * {@value #MAX_ROW_BYTES} bytes a row on average (a body beyond that is refused before it is read to its end). CSV
 * (header exactly {@value #HEADER}) or a JSON array of the objects a single request takes; each row is checked by
 * {@link RequestBodyReader}, the single request's rules, and a row that breaks them is kept as a refused row with
 * every reason, so the good rows can go on.
 */
final class BulkBodyReader {

    static final String HEADER = "action,accountId,email,reason,reasonCode";
    static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** A row's share of the body: a reason of 2,000 characters, in UTF-8, and the rest, with room to spare. */
    static final int MAX_ROW_BYTES = 8 * 1024;

    /** The single request's JSON rules, but reading one item of a stream at a time (the rest of it follows). */
    private static final ObjectMapper ITEMS = RequestBodyReader.STRICT.copy()
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
            CsvRecords.Csv header = records.next();
            if (header == null || header.malformed() != null || !COLUMNS.equals(header.fields())) {
                throw new InvalidRequestException(List.of(new FieldError("header", "must be exactly " + HEADER
                        + (header == null ? " (the body is empty)" : " (line 1 is: " + shorten(String.join(",",
                                header.fields())) + ")"))));
            }
            List<BatchRow> read = new ArrayList<>();
            for (CsvRecords.Csv record = records.next(); record != null; record = records.next()) {
                tooMany(read.size() + 1);
                read.add(csvRow(record));
            }
            return read;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException(List.of(new FieldError("body", "is not UTF-8 text")));
            }
            throw e;
        }
    }

    private BatchRow csvRow(CsvRecords.Csv record) {
        if (record.malformed() != null) {
            return BatchRow.refused(record.line(), "malformed CSV: " + record.malformed());
        }
        if (record.fields().size() != COLUMNS.size()) {
            return BatchRow.refused(record.line(), "has " + record.fields().size() + " fields; the header has "
                    + COLUMNS.size() + " (" + HEADER + ")");
        }
        ObjectNode object = RequestBodyReader.STRICT.createObjectNode();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String cell = record.fields().get(i);
            if (!cell.isEmpty()) { // an empty cell is a field not given
                object.put(COLUMNS.get(i), cell);
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
