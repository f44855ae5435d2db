package org.notmono.model.chat.ui;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.notmono.model.chat.session.ChatClip;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

/**
 * Beside the conversation: the encoder's slots for the heard span and, when the clip has an
 * RTSD, the ground truth (room and sources), in the same units, so an answer can be held
 * against both at a glance.
 */
final class ClipFactsView extends VBox {
    private final GridPane slots = table("chat-slots");
    private final Label slotsNote = new Label();
    private final GridPane truth = table("chat-truth");
    private final Label truthNote = new Label();

    ClipFactsView(ChatViewModel model) {
        super(8);
        setId("chat-side");
        getStyleClass().add("chat-side");
        slotsNote.setWrapText(true);
        slotsNote.getStyleClass().add("chat-meta");
        slotsNote.textProperty().bind(model.slotsNoteProperty());
        truthNote.setWrapText(true);
        truthNote.getStyleClass().add("chat-meta");
        getChildren().addAll(heading("Encoder slots"), slotsNote, slots, heading("Ground truth"), truthNote, truth);
        model.slotsProperty().addListener((o, a, b) -> showSlots(b));
        model.clipProperty().addListener((o, a, b) -> showTruth(b));
        showSlots(model.slotsProperty().get());
        showTruth(model.clipProperty().get());
    }

    private void showSlots(SlotPrediction p) {
        slots.getChildren().clear();
        if (p == null) {
            return;
        }
        header(slots, "#", "class", "az", "el", "dist", "p");
        List<Slot> list = p.slots();
        for (int i = 0; i < list.size(); i++) {
            Slot s = list.get(i);
            Label[] row = {
                new Label(String.valueOf(i + 1)), new Label(s.classId() == null ? "-" : s.classId()),
                new Label(deg(s.azimuth())), new Label(deg(s.elevation())),
                new Label(s.distance() == null ? "-" : String.format(Locale.ROOT, "%.1f m", s.distance())),
                new Label(String.format(Locale.ROOT, "%.2f", s.existence()))};
            for (Label l : row) {
                l.getStyleClass().add(s.exists() ? "chat-slot" : "chat-slot-absent");
            }
            slots.addRow(i + 1, row);
        }
        Label count = new Label("count " + p.count() + " (p \u2265 " + Slot.EXISTS + " exists)");
        count.getStyleClass().add("chat-meta");
        slots.add(count, 0, list.size() + 1, 6, 1);
    }

    private void showTruth(ChatClip c) {
        truth.getChildren().clear();
        Rtsd r = c == null ? null : c.truth();
        if (r == null) {
            truthNote.setText(c == null ? "" : "No RTSD for " + c.name() + " (beside it, or in the rtsd.jsonl of its dataset or"
                    + " benchmark): nothing to check answers against.");
            return;
        }
        Rtsd.Room room = r.room();
        truthNote.setText(String.format(Locale.ROOT, "From %s: a %s room, %.1f x %.1f x %.1f m, RT60 %.2f s (Eyring); %d source(s)",
                c.truthOrigin(), room.category(), room.size()[0], room.size()[1], room.size()[2], room.rt60Eyring(), r.sources().size()));
        header(truth, "id", "class", "az", "el", "dist", "on");
        int row = 1;
        for (Rtsd.Source s : r.sources()) {
            truth.addRow(row++, new Label(s.id()), new Label(s.classId()), new Label(deg(s.azimuth())),
                    new Label(deg(s.elevation())), new Label(String.format(Locale.ROOT, "%.1f m", s.distance())),
                    new Label(String.format(Locale.ROOT, "%.1f s", s.onset())));
        }
    }

    private static String deg(double d) {
        return String.format(Locale.ROOT, "%.0f\u00b0", d);
    }

    private static void header(GridPane grid, String... names) {
        for (int i = 0; i < names.length; i++) {
            Label l = new Label(names[i]);
            l.getStyleClass().add("chat-table-header");
            grid.add(l, i, 0);
        }
    }

    private static GridPane table(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(10);
        g.setVgap(2);
        return g;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("chat-heading");
        return l;
    }
}
