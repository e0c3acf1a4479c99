package io.oiltrading.pricefeed.quote;

import io.oiltrading.platform.problem.ProblemException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads daily price files: EIA ({@code Date,Price}) and FRED ({@code observation_date,<SERIES>}, where
 * {@code .} or an empty cell means no quote that day: missing, never zero). The header tells which.
 */
public final class CsvQuotes {

    /** The quotes of a file and how many of its days had no quote. */
    public record Parsed(String format, List<IncomingQuote> quotes, int missing) {
    }

    private CsvQuotes() {
    }

    public static Parsed parse(String csv) {
        return parse(new StringReader(csv));
    }

    public static Parsed parse(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.size() != 2) {
                throw invalid(1, "a header of two columns: Date,Price (EIA) or observation_date,<SERIES> (FRED)");
            }
            String kind = switch (header.get(0).toLowerCase()) {
                case "date" -> "EIA";
                case "observation_date" -> "FRED";
                default -> throw invalid(1, "a first column named Date (EIA) or observation_date (FRED)");
            };
            List<IncomingQuote> quotes = new ArrayList<>();
            int missing = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.size() != 2) {
                    throw invalid(line, "two values: a date and a price");
                }
                LocalDate date = date(record.get(0), line);
                String value = record.get(1);
                if (value.isEmpty() || value.equals(".")) {
                    missing++;
                    continue;
                }
                quotes.add(new IncomingQuote(date, price(value, line)));
            }
            return new Parsed(kind, quotes, missing);
        } catch (IOException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a readable CSV file");
        }
    }

    private static LocalDate date(String value, long line) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(line, "a date as YYYY-MM-DD, not '" + abbreviate(value) + "'");
        }
    }

    private static BigDecimal price(String value, long line) {
        try {
            BigDecimal price = new BigDecimal(value);
            if (price.scale() > 4 || price.precision() - price.scale() > 8) {
                throw invalid(line, "a price of at most 8 digits before the point and 4 after");
            }
            return price;
        } catch (NumberFormatException e) {
            throw invalid(line, "a price, not '" + abbreviate(value) + "'");
        }
    }

    private static ProblemException invalid(long line, String expected) {
        return ProblemException.invalid("line " + line, "expected " + expected);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
