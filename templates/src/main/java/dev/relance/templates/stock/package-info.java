/**
 * Stock (starter) cadences shipped with Relance, in English and French: Predictable Revenue style
 * prospecting and a slower nurturing sequence. {@link dev.relance.templates.stock.StockCadences} is the
 * front door; the content lives in text resources next to this package, in a format described in
 * their {@code README.md}.
 */
package dev.relance.templates.stock;
