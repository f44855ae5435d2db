/**
 * The Chat workspace (MVVM): {@link org.notmono.model.chat.ui.ChatViewModel} holds the state
 * and talks to a {@link org.notmono.model.chat.SpatialChatModel} through the task service;
 * {@link org.notmono.model.chat.ui.ChatView} builds the nodes.
 */
package org.notmono.model.chat.ui;
