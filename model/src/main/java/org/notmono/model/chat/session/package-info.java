/**
 * The Chat workspace's headless side: the attached clip, the conversation as a list of
 * exchanges, the think/answer split of streaming text, checking an answer against ground
 * truth, the per-clip history on disk and the Markdown export. No JavaFX here.
 */
package org.notmono.model.chat.session;
