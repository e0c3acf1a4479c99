package io.oiltrading.settlement.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Objects;

/** Renders an invoice as a PDF document (OpenPDF, standard Helvetica, nothing embedded). */
public final class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceDetail detail) {
        InvoiceView i = detail.invoice();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Invoice " + i.number());
        doc.addCreator("Oil Trading Platform settlement-service");
        doc.open();
        doc.add(new Paragraph(i.type() + " invoice " + i.number(), TITLE));
        doc.add(new Paragraph(i.direction() + " · counterparty " + i.counterparty() + " · contract " + i.contractId()
                + " (version " + i.contractVersion() + ")" + (i.correctsInvoiceId() == null ? ""
                : " · corrects INV-%06d".formatted(i.correctsInvoiceId())), BODY));
        doc.add(new Paragraph(" "));

        PdfPTable terms = table(2, 1f, 2f);
        row(terms, "Product", i.product());
        row(terms, "B/L date", i.blDate().toString());
        row(terms, "B/L quantity", i.blQuantity().toPlainString());
        row(terms, "Pricing", i.pricingType() + (i.benchmark() == null ? ""
                : " · " + i.benchmark() + " · " + i.windowRule()));
        if (i.windowStart() != null) {
            row(terms, "Pricing window", i.windowStart() + " to " + i.windowEnd() + " · " + i.quotesKnown()
                    + " quotes known, " + i.quotesEstimated() + " estimated");
            row(terms, "Average", plain(i.averagePrice()) + " " + i.priceUnit());
            row(terms, "Premium / discount", plain(i.premium()) + " " + i.priceUnit());
        }
        row(terms, "Unit price", plain(i.unitPrice()) + " " + i.priceUnit());
        row(terms, "Invoiced quantity", plain(i.quantity()) + " " + i.quantityUnit());
        row(terms, "Value", plain(i.valueUsd()) + " USD");
        row(terms, "Amount due", plain(i.amountDueUsd()) + " USD");
        row(terms, "Issued", i.issueDate().toString());
        row(terms, "Due", i.dueDate().toString());
        row(terms, "Paid / outstanding", plain(i.paidUsd()) + " / " + plain(i.outstandingUsd()) + " USD (" + i.status() + ")");
        doc.add(terms);

        if (!detail.lines().isEmpty()) {
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Quotes of the pricing window", HEADING));
            PdfPTable lines = table(3, 1f, 1f, 2f);
            header(lines, "Date", "Price", "Note");
            for (InvoiceDetail.Line l : detail.lines()) {
                dateAmountText(lines, l.date().toString(), l.price(),
                        l.estimated() ? "ESTIMATED · " + l.note() : Objects.toString(l.note(), ""));
            }
            doc.add(lines);
        }
        if (!detail.payments().isEmpty()) {
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Payments", HEADING));
            PdfPTable payments = table(3, 1f, 1f, 2f);
            header(payments, "Paid on", "Amount USD", "Reference");
            for (InvoiceDetail.PaymentView p : detail.payments()) {
                dateAmountText(payments, p.paidOn().toString(), p.amountUsd(), p.reference());
            }
            doc.add(payments);
        }
        doc.close();
        return out.toByteArray();
    }

    private static PdfPTable table(int columns, float... widths) {
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        return t;
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(new PdfPCell(new Phrase(label, HEADING)));
        t.addCell(cell(value, Element.ALIGN_LEFT));
    }

    /** A row of a date, a right-aligned figure and a text. */
    private static void dateAmountText(PdfPTable t, String date, BigDecimal amount, String text) {
        t.addCell(cell(date, Element.ALIGN_LEFT));
        t.addCell(cell(plain(amount), Element.ALIGN_RIGHT));
        t.addCell(cell(text, Element.ALIGN_LEFT));
    }

    private static void header(PdfPTable t, String... labels) {
        for (String label : labels) {
            t.addCell(new PdfPCell(new Phrase(label, HEADING)));
        }
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell c = new PdfPCell(new Phrase(text, BODY));
        c.setHorizontalAlignment(alignment);
        return c;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
