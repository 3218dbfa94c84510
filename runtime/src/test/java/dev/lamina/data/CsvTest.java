package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @TempDir Path dir;

  private static final String CUSTOMERS = """
      id,age,plan,"monthly, EUR",note,churned
      1,41,basic,29.5,"said \"\"too slow\"\"",no
      2,35,premium,59.0,"moved
      abroad",yes

      3, 52 ,basic,31.25,,no
      4,23,family,45.0,"",yes
      """;

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
    CsvTable table = CsvTable.read(write("customers.csv", CUSTOMERS));

    assertEquals(List.of("id", "age", "plan", "monthly, EUR", "note", "churned"),
        table.columnNames());
    assertEquals(4, table.rows());
    assertEquals("said \"too slow\"", table.cell(0, 4));
    assertEquals("moved\nabroad", table.cell(1, 4));
    assertEquals("52", table.cell(2, 1)); // unquoted cells are trimmed
    assertArrayEquals(new int[] {2, 3, 6, 7},
        new int[] {table.line(0), table.line(1), table.line(2), table.line(3)});
  }

  @Test
  void categoricalColumnsAreOneHotWithTheTrainingCategoriesSorted() throws IOException {
    CsvTable table = CsvTable.read(write("customers.csv", CUSTOMERS));
    TableSpec spec = TableSpec.builder().target("churned").features("age", "plan", "monthly, EUR")
        .categorical("plan").build();

    TableEncoder encoder = TableEncoder.fit(table, spec);
    Dataset data = encoder.dataset(table);

    assertEquals(List.of("age", "plan=basic", "plan=family", "plan=premium", "monthly, EUR"),
        encoder.featureNames());
    assertEquals(List.of("no", "yes"), encoder.target().classNames());
    assertArrayEquals(new float[] {
        41, 1, 0, 0, 29.5f,
        35, 0, 0, 1, 59f,
        52, 1, 0, 0, 31.25f,
        23, 0, 1, 0, 45f}, data.features());
    assertArrayEquals(new int[] {0, 1, 0, 1}, data.labels());
    assertArrayEquals(new float[] {60, 0, 1, 0, 45.5f},
        encoder.encode(Map.of("age", "60", "plan", "family", "monthly, EUR", "45.5")));
    assertArrayEquals(new float[] {60, 0, 0, 1, 45.5f}, encoder.encode("60", "premium", "45.5"));
  }

  @Test
  void otherTablesAreEncodedWithTheTrainingCategoriesAndColumnsFoundByName() throws IOException {
    CsvTable train = CsvTable.read(write("train.csv", CUSTOMERS));
    TableEncoder encoder = TableEncoder.fit(train, TableSpec.builder().target("churned")
        .features("age", "plan").categorical("plan").build());
    CsvTable test = CsvTable.read(write("test.csv", """
        churned,plan,age
        yes,family,30
        no,gold,40
        """));

    DataFormatException e = assertThrows(DataFormatException.class, () -> encoder.dataset(test));

    assertMessage(e, "test.csv: line 3, column 1 (\"plan\"): the category \"gold\" was not in"
        + " the training data, which has [basic, family, premium]");
    CsvTable good = test.select(new int[] {0});
    assertArrayEquals(new float[] {30, 0, 1, 0}, encoder.dataset(good).features());
    assertArrayEquals(new int[] {1}, encoder.dataset(good).labels());
  }

  @Test
  void withoutAHeaderColumnsAreChosenByIndexAndOtherDelimitersWork() throws IOException {
    CsvTable table = CsvTable.read(write("plain.tsv", "1.5\ta\t0\n-2e-1\tb\t2\n"),
        CsvFormat.builder().delimiter('\t').noHeader().build());

    TableEncoder encoder = TableEncoder.fit(table,
        TableSpec.builder().target(2).categorical(1).build());
    Dataset data = encoder.dataset(table);

    assertArrayEquals(new float[] {1.5f, 1, 0, -0.2f, 0, 1}, data.features());
    assertArrayEquals(new int[] {0, 2}, data.labels());
    assertEquals(3, data.classes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableEncoder.fit(table, TableSpec.builder().target("label").build()));
    assertTrue(e.getMessage().contains("was read without a header; refer to columns by index"),
        e.getMessage());
  }

  @Test
  void missingValuesAreAnErrorNamingRowAndColumnUnlessAStrategyIsPicked() throws IOException {
    Path file = write("gaps.csv", """
        x,color,y
        1,red,0
        ,blue,1
        3,,0
        5,red,1
        """);
    CsvTable table = CsvTable.read(file);

    DataFormatException e = assertThrows(DataFormatException.class, () -> TableEncoder.fit(table,
        TableSpec.builder().target("y").categorical("color").build()).dataset(table));
    assertMessage(e, "gaps.csv: line 3, column 0 (\"x\"): the value is missing (\"\"); fix the"
        + " file, or pick what to do with TableSpec.builder().missing(");

    Dataset mean = encode(table, Missing.mean());
    assertArrayEquals(new float[] {1, 0, 1, 3, 1, 0, 3, 0, 1, 5, 0, 1}, mean.features());

    Dataset constant = encode(table, Missing.constant(-1));
    assertArrayEquals(new float[] {1, 0, 1, -1, 1, 0, 3, 0, 0, 5, 0, 1}, constant.features());

    Dataset dropped = encode(table, Missing.dropRow()); // categories of the kept rows only
    assertArrayEquals(new float[] {1, 1, 5, 1}, dropped.features());
    assertArrayEquals(new int[] {0, 1}, dropped.labels());
  }

  @Test
  void meanFillsComeFromTheTrainingTableOnly() throws IOException {
    CsvTable train = CsvTable.read(write("train.csv", "x,y\n2,0\n4,1\n"));
    CsvTable test = CsvTable.read(write("test.csv", "x,y\n100,0\nNA,1\n"));

    TableEncoder encoder = TableEncoder.fit(train,
        TableSpec.builder().target("y").missing(Missing.mean()).build());

    assertArrayEquals(new float[] {100, 3}, encoder.dataset(test).features());
    assertArrayEquals(new float[] {3}, encoder.encode(""));
  }

  @Test
  void nonFiniteFeaturesAreRefusedNamingTheSampleUnlessAllowed() throws IOException {
    CsvTable table = CsvTable.read(write("inf.csv", "x,y\n1,0\n2,1\n-inf,0\n"));

    DataFormatException e = assertThrows(DataFormatException.class,
        () -> TableEncoder.fit(table, TableSpec.builder().target("y").build()).dataset(table));

    assertMessage(e, "inf.csv: sample 2 (line 4, column 0 (\"x\")): expected a finite number,"
        + " found \"-inf\"; non-finite features are refused");
    Dataset allowed = TableEncoder.fit(table, TableSpec.builder().target("y").allowNonFinite()
        .build()).dataset(table);
    assertEquals(Float.NEGATIVE_INFINITY, allowed.features()[2]);
    IllegalArgumentException raw = assertThrows(IllegalArgumentException.class,
        () -> TableEncoder.fit(table.select(new int[] {0, 1}),
            TableSpec.builder().target("y").build()).encode("Infinity"));
    assertTrue(raw.getMessage().contains("expected a finite number"), raw.getMessage());
  }

  @Test
  void badCellsNameFileLineColumnAndWhatWasExpected() throws IOException {
    assertFails("x,y\n1,0\n2;5,1\n", TableSpec.builder().target("y").build(),
        "line 3, column 0 (\"x\"): expected a number, found \"2;5\"");
    assertFails("x,y\n1,0\n1f,1\n", TableSpec.builder().target("y").build(),
        "line 3, column 0 (\"x\"): expected a number, found \"1f\"");
    assertFails("x,y\n1,0\n2,2\n", TableSpec.builder().target("y").classes(2).build(),
        "column 1 (\"y\") holds the label 2, but classes(2) allows only 0 to 1");
    assertFails("x,y\n1,0\n2,\n", TableSpec.builder().target("y").build(),
        "line 3, column 1 (\"y\"): the target is missing");
  }

  @Test
  void malformedFilesFailWithTheLineAndWhatWasExpected() throws IOException {
    assertReadFails("a,b\n1,2\n3\n", "bad.csv: line 3: expected 2 fields, as the header (line 1)"
        + " has, found 1 (delimiter ',')");
    assertReadFails("a,b\n1,\"2\n3,4\n", "bad.csv: line 2: the quote \" that opens field 1 is"
        + " never closed");
    assertReadFails("a,b\n\"1\"x,2\n", "bad.csv: line 2: expected a delimiter or the end of the"
        + " line after the closing quote of field 0, found 'x'");
    assertReadFails("", "bad.csv: expected a header line of column names, the file has no lines");
    assertReadFails("a,b\n", "bad.csv: expected rows of data, found none after the header"
        + " (line 1)");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "a,b\n1,2\ncaf\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1));
    assertMessage(assertThrows(DataFormatException.class, () -> CsvTable.read(latin1)),
        "latin1.csv: line 3: expected UTF-8 text, found the byte 0xE9 at offset 11 (save the file as UTF-8)");
    Path truncated = dir.resolve("cut.csv.gz");
    byte[] gz = gzip("a,b\n1,2\n".repeat(1000));
    Files.write(truncated, Arrays.copyOf(gz, gz.length / 2));
    assertMessage(assertThrows(DataFormatException.class, () -> CsvTable.read(truncated)),
        "cut.csv.gz: corrupt or truncated gzip stream");
  }

  @Test
  void gzipIsRecognizedByContentAndCrLfAndByteOrderMarkAreRead() throws IOException {
    Path gz = dir.resolve("data.csv");
    Files.write(gz, gzip("\uFEFFa,b\r\n1,2\r\n3,4\r\n"));

    CsvTable table = CsvTable.read(gz);

    assertEquals(List.of("a", "b"), table.columnNames());
    assertEquals("4", table.cell(1, 1));
    assertEquals(3, table.line(1));
  }

  @Test
  void regressionAndMultiLabelTargetsComeFromOneOrSeveralColumns() throws IOException {
    CsvTable table = CsvTable.read(write("houses.csv", """
        rooms,area,price,tax,garden,garage
        3,80.5,250000,1200.5,1,0
        5,140,410000.25,2100,0,1
        """));

    Dataset prices = TableEncoder.fit(table, TableSpec.builder().targets("price", "tax")
        .features("rooms", "area").regression().build()).dataset(table);
    Dataset flags = TableEncoder.fit(table, TableSpec.builder().targets("garden", "garage")
        .features("rooms", "area").multiLabel().build()).dataset(table);

    assertEquals(Dataset.TargetKind.VALUES, prices.targetKind());
    assertArrayEquals(new float[] {250000, 1200.5f, 410000.25f, 2100}, prices.targets());
    assertArrayEquals(new float[] {3, 80.5f, 5, 140}, prices.features());
    assertEquals(Dataset.TargetKind.MULTI_LABEL, flags.targetKind());
    assertArrayEquals(new float[] {1, 0, 0, 1}, flags.targets());
    CsvTable bad = CsvTable.read(write("bad.csv", "x,y\n1,0.5\n2,inf\n"));
    DataFormatException e = assertThrows(DataFormatException.class, () -> TableEncoder.fit(bad,
        TableSpec.builder().target("y").regression().build()).dataset(bad));
    assertMessage(e, "bad.csv: line 3, column 1 (\"y\"): expected a finite number as the target,"
        + " found \"inf\"");
    DataFormatException flag = assertThrows(DataFormatException.class, () -> TableEncoder.fit(
        bad, TableSpec.builder().target("y").multiLabel().build()).dataset(bad));
    assertMessage(flag, "bad.csv: line 2, column 1 (\"y\"): expected 0 or 1 (whether the sample"
        + " has this label), found \"0.5\"");
    assertThrows(IllegalStateException.class,
        () -> TableSpec.builder().targets("price", "tax").build());
  }

  @Test
  void aSavedEncoderEncodesRowsAsTheFittedOne() throws IOException {
    CsvTable table = CsvTable.read(write("gaps.csv", """
        x,color,y
        1,red,no
        ,blue,yes
        3,,no
        """));
    TableEncoder fitted = TableEncoder.fit(table, TableSpec.builder().target("y")
        .categorical("color").missing(Missing.mean()).build());
    Path file = dir.resolve("encoder.json");

    fitted.save(file);
    TableEncoder loaded = TableEncoder.load(file);

    assertEquals(fitted.featureNames(), loaded.featureNames());
    assertEquals(fitted.columns(), loaded.columns());
    assertEquals(fitted.targets(), loaded.targets());
    assertEquals(fitted.missing(), loaded.missing());
    assertArrayEquals(fitted.dataset(table).features(), loaded.dataset(table).features());
    assertArrayEquals(fitted.dataset(table).labels(), loaded.dataset(table).labels());
    assertArrayEquals(fitted.encode("", ""), loaded.encode("", "")); // mean 2, most frequent
    Path other = Files.writeString(dir.resolve("other.json"), "{\"format\": \"something\"}");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> TableEncoder.load(other));
    assertMessage(e, "other.json: expected a table encoder file");
  }

  private Dataset encode(CsvTable table, Missing missing) throws IOException {
    return TableEncoder.fit(table, TableSpec.builder().target("y").categorical("color")
        .missing(missing).build()).dataset(table);
  }

  private void assertFails(String content, TableSpec spec, String expected) throws IOException {
    CsvTable table = CsvTable.read(write("bad.csv", content));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> TableEncoder.fit(table, spec).dataset(table));
    assertTrue(e.getMessage().startsWith(table.file() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private void assertReadFails(String content, String expected) throws IOException {
    Path file = write("bad.csv", content);
    assertMessage(assertThrows(DataFormatException.class, () -> CsvTable.read(file)), expected);
  }

  private void assertMessage(Exception e, String expectedStart) {
    String message = e.getMessage().replace(dir + "/", "");
    assertTrue(message.startsWith(expectedStart),
        () -> "expected a message starting with\n  " + expectedStart + "\ngot\n  " + message);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
