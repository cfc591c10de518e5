#include "inspectwriter.h"

#include <algorithm>
#include <string>

namespace mc {

namespace {

/// Appends JSON text to a byte buffer; strings are escaped and encoded as UTF-8
/// directly from UTF-16 (no temporary per string: a large schema prints ~10^5).
class JsonText
{
public:
    std::string bytes;

    void string(const QString &s)
    {
        bytes += '"';
        const QChar *p = s.constData();
        const qsizetype n = s.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = p[i].unicode();
            if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
                bytes += char(c);
            } else if (c < 0x80) {
                escape(char(c));
            } else if (c < 0x800) {
                bytes += char(0xC0 | (c >> 6));
                bytes += char(0x80 | (c & 0x3F));
            } else if (QChar::isHighSurrogate(c) && i + 1 < n && p[i + 1].isLowSurrogate()) {
                const char32_t u = QChar::surrogateToUcs4(c, p[++i].unicode());
                bytes += char(0xF0 | (u >> 18));
                bytes += char(0x80 | ((u >> 12) & 0x3F));
                bytes += char(0x80 | ((u >> 6) & 0x3F));
                bytes += char(0x80 | (u & 0x3F));
            } else if (QChar::isSurrogate(c)) {
                bytes += "\\u";
                char hex[8];
                qsnprintf(hex, sizeof hex, "%04x",
                          unsigned(c)); // a lone surrogate stays valid JSON
                bytes += hex;
            } else {
                bytes += char(0xE0 | (c >> 12));
                bytes += char(0x80 | ((c >> 6) & 0x3F));
                bytes += char(0x80 | (c & 0x3F));
            }
        }
        bytes += '"';
    }
    void escape(char c)
    {
        switch (c) {
        case '"':
            bytes += "\\\"";
            break;
        case '\\':
            bytes += "\\\\";
            break;
        case '\n':
            bytes += "\\n";
            break;
        case '\t':
            bytes += "\\t";
            break;
        case '\r':
            bytes += "\\r";
            break;
        default: {
            char esc[8];
            qsnprintf(esc, sizeof esc, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
            bytes += esc;
        }
        }
    }
    void stringOrNull(const QString &s)
    {
        if (s.isNull())
            bytes += "null";
        else
            string(s);
    }
    void boolean(bool b) { bytes += b ? "true" : "false"; }
    void key(int depth, const char *name)
    {
        indent(depth);
        bytes += '"';
        bytes += name;
        bytes += "\": ";
    }
    void key(int depth, const QString &name)
    {
        indent(depth);
        string(name);
        bytes += ": ";
    }
    void indent(int depth) { bytes.append(size_t(2 * depth), ' '); }
    void strings(const QStringList &list)
    {
        bytes += '[';
        for (int i = 0; i < list.size(); ++i) {
            if (i)
                bytes += ", ";
            string(list[i]);
        }
        bytes += ']';
    }
    void lists(const QVector<QStringList> &lists)
    {
        bytes += '[';
        for (int i = 0; i < lists.size(); ++i) {
            if (i)
                bytes += ", ";
            strings(lists[i]);
        }
        bytes += ']';
    }
};

void writeTable(JsonText &j, const CatalogTable &t, int depth)
{
    j.bytes += "{\n";
    j.key(depth + 1, "columns");
    j.bytes += "[\n";
    for (int i = 0; i < t.columns.size(); ++i) {
        const CatalogColumn &c = t.columns[i];
        j.indent(depth + 2);
        j.bytes += "{\"name\": ";
        j.string(c.name);
        j.bytes += ", \"type\": ";
        j.string(c.type);
        j.bytes += ", \"notNull\": ";
        j.boolean(c.notNull);
        j.bytes += ", \"pk\": ";
        j.boolean(c.pk);
        j.bytes += ", \"default\": ";
        if (c.defaultValue.isEmpty())
            j.bytes += "null";
        else
            j.string(c.defaultValue);
        j.bytes += ", \"autoIncrement\": ";
        j.boolean(c.autoIncrement);
        j.bytes += i + 1 < t.columns.size() ? "},\n" : "}\n";
    }
    j.indent(depth + 1);
    j.bytes += "],\n";
    j.key(depth + 1, "primaryKey");
    j.strings(t.primaryKey);
    j.bytes += ",\n";
    j.key(depth + 1, "foreignKeys");
    j.bytes += '[';
    for (int i = 0; i < t.foreignKeys.size(); ++i) {
        const CatalogForeignKey &k = t.foreignKeys[i];
        j.bytes += i ? ", {\"from\": " : "{\"from\": ";
        j.string(k.from);
        j.bytes += ", \"table\": ";
        j.string(k.table);
        j.bytes += ", \"to\": ";
        j.string(k.to);
        j.bytes += ", \"onDelete\": ";
        j.string(k.onDelete);
        j.bytes += ", \"onUpdate\": ";
        j.string(k.onUpdate);
        j.bytes += '}';
    }
    j.bytes += "],\n";
    j.key(depth + 1, "uniques");
    j.lists(t.uniques);
    j.bytes += ",\n";
    j.key(depth + 1, "indexes");
    j.lists(t.indexes);
    if (t.mysql) {
        j.bytes += ",\n";
        j.key(depth + 1, "fkIndexes");
        j.lists(t.fkIndexes);
        j.bytes += ",\n";
        j.key(depth + 1, "checks");
        j.strings(t.checks);
        j.bytes += ",\n";
        j.key(depth + 1, "collations");
        j.bytes += '{';
        for (int i = 0; i < t.collations.size(); ++i) {
            if (i)
                j.bytes += ", ";
            j.string(t.collations[i].first);
            j.bytes += ": ";
            j.string(t.collations[i].second);
        }
        j.bytes += '}';
    }
    j.bytes += '\n';
    j.indent(depth);
    j.bytes += '}';
}

} // namespace

QByteArray inspectJson(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect)
{
    JsonText j;
    j.bytes.reserve(size_t(1) << 20);
    const bool failed = derived.error.has_value();
    j.bytes += "{\n";
    j.key(1, "dialect");
    j.string(dialectName(dialect));
    j.bytes += ",\n";
    j.key(1, "error");
    j.stringOrNull(failed ? derived.error->message : QString());
    j.bytes += ",\n";
    j.key(1, "errorPhase");
    j.stringOrNull(failed ? QStringLiteral("define") : QString());
    j.bytes += ",\n";
    j.key(1, "toposortError");
    j.stringOrNull(failed || analysis.toposortError.isEmpty() ? QString() : analysis.toposortError);
    j.bytes += ",\n";
    j.key(1, "toposortOrder");
    if (failed || analysis.cyclic())
        j.bytes += "null";
    else
        j.strings(analysis.toposortOrder);
    j.bytes += ",\n";
    j.key(1, "order");
    j.strings(failed ? QStringList() : analysis.order);
    j.bytes += ",\n";
    j.key(1, "tables");
    j.bytes += '{';
    if (!failed) {
        const QVector<const DerivedTable *> tables = catalogOrder(derived);
        for (int i = 0; i < tables.size(); ++i) {
            j.bytes += i ? ",\n" : "\n";
            j.key(2, tables[i]->table);
            writeTable(j, catalogTable(*tables[i], dialect, analysis.cyclic()), 2);
        }
        if (!tables.isEmpty()) {
            j.bytes += '\n';
            j.indent(1);
        }
    }
    j.bytes += "},\n";
    j.key(1, "accessors");
    j.bytes += '{';
    QVector<QPair<QString, QStringList>> acc = derived.accessors;
    std::sort(acc.begin(), acc.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (int i = 0; i < acc.size(); ++i) {
        QStringList names = acc[i].second;
        std::sort(names.begin(), names.end());
        j.bytes += i ? ",\n" : "\n";
        j.key(2, acc[i].first);
        j.strings(names);
    }
    if (!acc.isEmpty()) {
        j.bytes += '\n';
        j.indent(1);
    }
    j.bytes += "}\n}\n";
    return QByteArray(j.bytes.data(), qsizetype(j.bytes.size()));
}

} // namespace mc
