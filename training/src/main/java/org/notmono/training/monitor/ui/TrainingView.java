package org.notmono.training.monitor.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Training workspace: stage cards on the left; on the right the runs table over the tabs
 * Charts, Checkpoints, Compare and Log. Talks only to its {@link TrainingViewModel}.
 */
public final class TrainingView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public TrainingView(TrainingViewModel model, TrainingDialogs dialogs) {
        setId("workspace-training");
        getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        Label root = new Label();
        root.setId("runs-root");
        root.textProperty().bind(Bindings.createStringBinding(() -> "Runs folder: " + model.runsRootProperty().get(),
                model.runsRootProperty()));
        Button change = new Button("Change...");
        change.setId("runs-root-change");
        change.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), "Folder of runs to watch")
                .ifPresent(p -> model.runsRootProperty().set(p)));
        Label status = new Label();
        status.setId("training-status");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, root, change, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);

        VBox cards = new VBox(8);
        cards.setPadding(new Insets(4));
        model.cards().forEach(c -> cards.getChildren().add(new StageCardView(c, model, dialogs)));
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        cardScroll.setMinWidth(400);

        RunsTableView runs = new RunsTableView(model, dialogs);
        MetricChartsView charts = new MetricChartsView(model, dialogs);
        TextArea log = new TextArea();
        log.setId("run-log");
        log.setEditable(false);
        log.textProperty().bind(model.logTextProperty());
        log.textProperty().addListener((o, a, b) -> log.setScrollTop(Double.MAX_VALUE));
        ListView<String> notices = new ListView<>(model.notices());
        notices.setId("notices");
        notices.setPrefHeight(80);
        notices.visibleProperty().bind(Bindings.isNotEmpty(model.notices()));
        notices.managedProperty().bind(notices.visibleProperty());
        VBox logPane = new VBox(4, log, notices);
        VBox.setVgrow(log, Priority.ALWAYS);
        tabs.setId("training-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("tab-charts", "Charts", charts), tab("tab-checkpoints", "Checkpoints", new CheckpointsView(model, dialogs)),
                tab("tab-compare", "Compare", new CompareView(model)), tab("tab-log", "Log", logPane),
                tab("tab-rollouts", "Rollouts", new RolloutsView(model.rollouts())));
        model.compareRuns().addListener((javafx.collections.ListChangeListener<String>) c -> tabs.getSelectionModel().select(2));
        model.evalResultProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(1));
        SplitPane right = new SplitPane(runs, tabs);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.3);
        SplitPane split = new SplitPane(cardScroll, right);
        split.setDividerPositions(0.29);
        SplitPane.setResizableWithParent(cardScroll, false);
        setCenter(split);
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }
}
