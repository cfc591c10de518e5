#pragma once

#include <QString>

// Reading SQL text without parsing it: what the catalog readers need to find
// clauses (CHECK, AUTOINCREMENT) in statements the database hands back.

namespace mc {

/// Index just past the token that starts at \a i: a quoted string or name ('', "",
/// ``, [] with doubled quotes inside), a comment (-- or /* */), or one character.
qsizetype skipSqlToken(const QString &sql, qsizetype i);

/// Index of the ')' that closes the '(' at \a open, stepping over quoted text and
/// comments; -1 when it is never closed.
qsizetype closingParen(const QString &sql, qsizetype open);

} // namespace mc
