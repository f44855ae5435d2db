/**
 * The headless contract between a spatial audio-language model and whoever talks to it: the
 * Chat workspace, {@code notmono ask} and the ASA benchmark's LALM answerer. A model hears one
 * FOA clip, reads the conversation so far and streams an answer; this package fixes those
 * shapes so the model and its users can grow independently.
 */
package org.notmono.model.chat;
