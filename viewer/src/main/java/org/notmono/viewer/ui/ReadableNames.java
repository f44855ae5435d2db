package org.notmono.viewer.ui;

import java.util.Locale;

import javafx.util.StringConverter;

/** Shows enum constants in a choice box as words: HANN as "Hann", BLACKMAN_HARRIS as "Blackman harris". */
final class ReadableNames<T> extends StringConverter<T> {

    @Override
    public String toString(T value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Enum<?> e ? e.name() : value.toString();
        String words = s.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("choice boxes are not editable");
    }
}
