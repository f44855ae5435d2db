package org.notmono.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A workspace whose tools have not landed yet: says what it is for and what will come. */
final class WorkspacePlaceholder extends VBox {
    WorkspacePlaceholder(Workspace workspace) {
        super(12);
        setId("workspace-" + workspace.id());
        getStyleClass().add("workspace-placeholder");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        Label title = new Label(workspace.title());
        title.getStyleClass().add("placeholder-title");
        Label summary = new Label(workspace.summary());
        summary.getStyleClass().add("placeholder-summary");
        Label next = new Label(workspace.comingSoon());
        next.getStyleClass().add("placeholder-text");
        next.setWrapText(true);
        next.setMaxWidth(640);
        getChildren().addAll(title, summary, next);
    }
}
