#pragma once

#include <QString>

namespace mc {

/// Plural as inflection 1.13.4 / Sequelize 6.37.8 compute it, quirks included ("Goose"->"geese").
QString pluralize(const QString &word);

/// Singular as inflection 1.13.4 / Sequelize 6.37.8 compute it, quirks included ("Beta"->"Betum").
QString singularize(const QString &word);

/// inflection 1.13.4's underscore (Sequelize's Utils.underscore): "HTMLPage" -> "h_t_m_l_page".
QString underscore(const QString &word);

/// Sequelize 6.37.8's Utils.camelize: "user_id" -> "userId"; a trailing `-`/`_` run is dropped.
QString camelize(const QString &s);

/// lodash's _.upperFirst: the first character (first Unicode symbol) upper-cased.
QString upperFirst(const QString &s);

} // namespace mc
