package org.notmono.model.chat.ui;

/** What the Chat workspace can do right now; the view shows each state plainly. */
public enum ChatState {
    /** No model is loaded: nothing can be asked. */
    NO_MODEL,
    /** A model or a clip is being loaded. */
    LOADING,
    /** A model is loaded but no clip is attached. */
    NO_CLIP,
    /** A model and a clip: the user can ask. */
    READY,
    /** The model is answering; Stop cancels. */
    GENERATING,
    /** The last action failed; the message says why. The user can try again. */
    ERROR
}
