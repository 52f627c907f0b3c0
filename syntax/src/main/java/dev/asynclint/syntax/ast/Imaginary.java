package dev.asynclint.syntax.ast;

/** The value of an imaginary literal ({@code 2j}) held by a {@link Expr.Constant}. */
public record Imaginary(double value) {}
