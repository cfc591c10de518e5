#include "inspectwriter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace mc {

namespace {

/// Appends JSON text to a byte buffer; strings are escaped and encoded as UTF-8
/// directly from UTF-16 (no temporary per string: a large schema prints ~10^5).
/// The buffer is the QByteArray that is returned, sized up front from an estimate,
/// so that neither growing nor the result copies megabytes.
class JsonText
{
public:
    explicit JsonText(qsizetype expected)
        : m_buf(std::max<qsizetype>(expected, 256), Qt::Uninitialized)
    {
        m_data = m_buf.data();
    }

    QByteArray take()
    {
        m_buf.truncate(m_len);
        return std::move(m_buf);
    }

    void raw(char c) { *grow(1) = c; }
    void raw(const char *s) { raw(s, std::strlen(s)); }
    void raw(const char *s, size_t n) { std::memcpy(grow(qsizetype(n)), s, n); }

    void string(const QString &s)
    {
        const QChar *p = s.constData();
        const qsizetype n = s.size();
        // Room for the worst case (every unit a six-byte escape), given back after.
        const qsizetype room = 2 + 6 * n;
        char *const start = grow(room);
        char *out = start;
        *out++ = '"';
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = p[i].unicode();
            if (isPlain(c)) {
                *out++ = char(c);
            } else if (c < 0x80) {
                out = escape(out, char(c));
            } else if (c < 0x800) {
                *out++ = char(0xC0 | (c >> 6));
                *out++ = char(0x80 | (c & 0x3F));
            } else if (QChar::isHighSurrogate(c) && i + 1 < n && p[i + 1].isLowSurrogate()) {
                const char32_t u = QChar::surrogateToUcs4(c, p[++i].unicode());
                *out++ = char(0xF0 | (u >> 18));
                *out++ = char(0x80 | ((u >> 12) & 0x3F));
                *out++ = char(0x80 | ((u >> 6) & 0x3F));
                *out++ = char(0x80 | (u & 0x3F));
            } else if (QChar::isSurrogate(c)) {
                out += std::snprintf(out, 7, "\\u%04x", unsigned(c)); // stays valid JSON
            } else {
                *out++ = char(0xE0 | (c >> 12));
                *out++ = char(0x80 | ((c >> 6) & 0x3F));
                *out++ = char(0x80 | (c & 0x3F));
            }
        }
        *out++ = '"';
        m_len -= room - (out - start);
    }
    /// Writes the escape of an ASCII character that cannot appear as itself.
    static char *escape(char *out, char c)
    {
        const char *simple = nullptr;
        switch (c) {
        case '"':
            simple = "\\\"";
            break;
        case '\\':
            simple = "\\\\";
            break;
        case '\n':
            simple = "\\n";
            break;
        case '\t':
            simple = "\\t";
            break;
        case '\r':
            simple = "\\r";
            break;
        default:
            return out + std::snprintf(out, 7, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
        }
        *out++ = simple[0];
        *out++ = simple[1];
        return out;
    }
    void stringOrNull(const QString &s)
    {
        if (s.isNull())
            raw("null");
        else
            string(s);
    }
    void boolean(bool b) { b ? raw("true", 4) : raw("false", 5); }
    void key(int depth, const char *name)
    {
        indent(depth);
        raw('"');
        raw(name);
        raw("\": ");
    }
    void key(int depth, const QString &name)
    {
        indent(depth);
        string(name);
        raw(": ");
    }
    void indent(int depth)
    {
        char *out = grow(2 * depth);
        std::memset(out, ' ', size_t(2 * depth));
    }
    void strings(const QStringList &list)
    {
        raw('[');
        for (int i = 0; i < list.size(); ++i) {
            if (i)
                raw(", ");
            string(list[i]);
        }
        raw(']');
    }
    void lists(const QVector<QStringList> &lists)
    {
        raw('[');
        for (int i = 0; i < lists.size(); ++i) {
            if (i)
                raw(", ");
            strings(lists[i]);
        }
        raw(']');
    }

private:
    static bool isPlain(char16_t c) { return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\'; }
    /// Room for n more bytes at the end; returns where they start.
    char *grow(qsizetype n)
    {
        if (m_len + n > m_buf.size()) {
            m_buf.resize(std::max(2 * m_buf.size(), m_len + n)); // new bytes uninitialised
            m_data = m_buf.data();
        }
        char *at = m_data + m_len;
        m_len += n;
        return at;
    }

    QByteArray m_buf;
    char *m_data = nullptr;
    qsizetype m_len = 0;
};

/// About the size of the document: enough that the buffer rarely grows.
qsizetype expectedSize(const DerivedSchema &derived)
{
    qsizetype size = 4096;
    for (const DerivedTable &t : derived.tables)
        size += 400 + 3 * t.table.size() + 180 * t.columns.size();
    for (const auto &entry : derived.accessors)
        size += 16 + entry.first.size() + 24 * entry.second.size();
    return size;
}

void writeTable(JsonText &j, const CatalogTable &t, int depth)
{
    j.raw("{\n");
    j.key(depth + 1, "columns");
    j.raw("[\n");
    for (int i = 0; i < t.columns.size(); ++i) {
        const CatalogColumn &c = t.columns[i];
        j.indent(depth + 2);
        j.raw("{\"name\": ");
        j.string(c.name);
        j.raw(", \"type\": ");
        j.string(c.type);
        j.raw(", \"notNull\": ");
        j.boolean(c.notNull);
        j.raw(", \"pk\": ");
        j.boolean(c.pk);
        j.raw(", \"default\": ");
        if (c.defaultValue.isEmpty())
            j.raw("null");
        else
            j.string(c.defaultValue);
        j.raw(", \"autoIncrement\": ");
        j.boolean(c.autoIncrement);
        j.raw(i + 1 < t.columns.size() ? "},\n" : "}\n");
    }
    j.indent(depth + 1);
    j.raw("],\n");
    j.key(depth + 1, "primaryKey");
    j.strings(t.primaryKey);
    j.raw(",\n");
    j.key(depth + 1, "foreignKeys");
    j.raw('[');
    for (int i = 0; i < t.foreignKeys.size(); ++i) {
        const CatalogForeignKey &k = t.foreignKeys[i];
        j.raw(i ? ", {\"from\": " : "{\"from\": ");
        j.string(k.from);
        j.raw(", \"table\": ");
        j.string(k.table);
        j.raw(", \"to\": ");
        j.string(k.to);
        j.raw(", \"onDelete\": ");
        j.string(k.onDelete);
        j.raw(", \"onUpdate\": ");
        j.string(k.onUpdate);
        j.raw('}');
    }
    j.raw("],\n");
    j.key(depth + 1, "uniques");
    j.lists(t.uniques);
    j.raw(",\n");
    j.key(depth + 1, "indexes");
    j.lists(t.indexes);
    if (t.mysql) {
        j.raw(",\n");
        j.key(depth + 1, "fkIndexes");
        j.lists(t.fkIndexes);
        j.raw(",\n");
        j.key(depth + 1, "checks");
        j.strings(t.checks);
        j.raw(",\n");
        j.key(depth + 1, "collations");
        j.raw('{');
        for (int i = 0; i < t.collations.size(); ++i) {
            if (i)
                j.raw(", ");
            j.string(t.collations[i].first);
            j.raw(": ");
            j.string(t.collations[i].second);
        }
        j.raw('}');
    }
    j.raw('\n');
    j.indent(depth);
    j.raw('}');
}

} // namespace

QByteArray inspectJson(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect)
{
    JsonText j(expectedSize(derived));
    const bool failed = derived.error.has_value();
    j.raw("{\n");
    j.key(1, "dialect");
    j.string(dialectName(dialect));
    j.raw(",\n");
    j.key(1, "error");
    j.stringOrNull(failed ? derived.error->message : QString());
    j.raw(",\n");
    j.key(1, "errorPhase");
    j.stringOrNull(failed ? QStringLiteral("define") : QString());
    j.raw(",\n");
    j.key(1, "toposortError");
    j.stringOrNull(failed || analysis.toposortError.isEmpty() ? QString() : analysis.toposortError);
    j.raw(",\n");
    j.key(1, "toposortOrder");
    if (failed || analysis.cyclic())
        j.raw("null");
    else
        j.strings(analysis.toposortOrder);
    j.raw(",\n");
    j.key(1, "order");
    j.strings(failed ? QStringList() : analysis.order);
    j.raw(",\n");
    j.key(1, "tables");
    j.raw('{');
    if (!failed) {
        const QVector<const DerivedTable *> tables = catalogOrder(derived);
        for (int i = 0; i < tables.size(); ++i) {
            j.raw(i ? ",\n" : "\n");
            j.key(2, tables[i]->table);
            writeTable(j, catalogTable(*tables[i], dialect, analysis.cyclic()), 2);
        }
        if (!tables.isEmpty()) {
            j.raw('\n');
            j.indent(1);
        }
    }
    j.raw("},\n");
    j.key(1, "accessors");
    j.raw('{');
    // Sorted through pointers: the same order as sorting the entries themselves,
    // without copying a list per model.
    std::vector<const QPair<QString, QStringList> *> acc;
    acc.reserve(size_t(derived.accessors.size()));
    for (const auto &entry : derived.accessors)
        acc.push_back(&entry);
    std::sort(acc.begin(), acc.end(),
              [](const auto *a, const auto *b) { return a->first < b->first; });
    std::vector<const QString *> names;
    for (size_t i = 0; i < acc.size(); ++i) {
        names.clear();
        for (const QString &name : acc[i]->second)
            names.push_back(&name);
        std::sort(names.begin(), names.end(),
                  [](const QString *a, const QString *b) { return *a < *b; });
        j.raw(i ? ",\n" : "\n");
        j.key(2, acc[i]->first);
        j.raw('[');
        for (size_t k = 0; k < names.size(); ++k) {
            if (k)
                j.raw(", ");
            j.string(*names[k]);
        }
        j.raw(']');
    }
    if (!acc.empty()) {
        j.raw('\n');
        j.indent(1);
    }
    j.raw("}\n}\n");
    return j.take();
}

} // namespace mc
