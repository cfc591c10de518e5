// Unit test of the inflection port (model/rules/inflection.h).
//
// fixtures/inflection.json is the conformance expectation of the shared folder; the rows of
// fixtures/inflection-extra.json were computed with node from inflection 1.13.4 and Sequelize
// 6.37.8's Utils (pluralize, singularize, underscore, camelize(word + "_id")). The camelize and
// upperFirst tables below were also computed with node (Sequelize 6.37.8 Utils.camelize, lodash
// 4.17 _.upperFirst), never guessed.

#include "rules/inflection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

namespace {

struct Row
{
    QString word;
    QString pluralize;
    QString singularize;
    QString underscore;
    QString camelizeWithId;
};

struct Fixture
{
    const char *tag;
    QString fileName;
};

const Fixture fixtures[] = {
    {"main", QStringLiteral("inflection.json")},
    {"extra", QStringLiteral("inflection-extra.json")},
};

// Reads the "rows" of a fixture; an empty list and a message on failure.
QList<Row> loadRows(const QString &fileName, QString *error)
{
    QFile file(QString::fromUtf8(MC_FIXTURES) + QLatin1Char('/') + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + QLatin1String(": ") + file.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = file.fileName() + QLatin1String(": ") + parseError.errorString();
        return {};
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("inflection")).toString() != QLatin1String("1.13.4")) {
        *error = file.fileName() + QLatin1String(": not an inflection 1.13.4 fixture");
        return {};
    }
    QList<Row> rows;
    const QJsonArray array = root.value(QLatin1String("rows")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        const QLatin1String keys[] = {QLatin1String("word"), QLatin1String("pluralize"),
                                      QLatin1String("singularize"), QLatin1String("underscore"),
                                      QLatin1String("camelize_with_Id")};
        for (const QLatin1String &key : keys) {
            if (!o.value(key).isString()) {
                *error = file.fileName() + QLatin1String(": row ") + QString::number(rows.size()) +
                         QLatin1String(" lacks ") + key;
                return {};
            }
        }
        rows.append({o.value(keys[0]).toString(), o.value(keys[1]).toString(),
                     o.value(keys[2]).toString(), o.value(keys[3]).toString(),
                     o.value(keys[4]).toString()});
    }
    if (rows.isEmpty())
        *error = file.fileName() + QLatin1String(": no rows");
    return rows;
}

// A readable row name: non-printable and non-ASCII UTF-16 units as \uXXXX.
QByteArray rowName(const QString &s)
{
    QByteArray out;
    for (const QChar c : s) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
            out += char(c.unicode());
        else
            out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
    }
    return out;
}

struct Case
{
    const char16_t *input;
    const char16_t *expected;
};

// Sequelize 6.37.8 Utils.camelize, from node.
const Case camelizeCases[] = {
    {u"", u""},
    {u" ", u""},
    {u"foo", u"foo"},
    {u"foo_bar", u"fooBar"},
    {u"foo-bar", u"fooBar"},
    {u"foo bar", u"fooBar"},
    {u"foo  _-bar", u"fooBar"},
    {u" foo_bar ", u"fooBar"},
    {u"_foo", u"Foo"},
    {u"-foo", u"Foo"},
    {u"__foo", u"Foo"},
    {u"Foo_Bar", u"FooBar"},
    {u"foo_1", u"foo1"},
    {u"foo_\x00DF"
     u"ar",
     u"fooSSar"},
    {u"foo_\xD801\xDC28x", u"foo\xD801\xDC28x"},
    {u"foo\x000A"
     u"bar",
     u"fooBar"},
    {u"foo\x2028"
     u"bar",
     u"fooBar"},
    {u"foo\x0085"
     u"bar",
     u"foo\x0085"
     u"bar"},
    {u"\xFEFF"
     u"foo\xFEFF",
     u"foo"},
    {u"\x00A0"
     u"foo",
     u"foo"},
    {u"foo_\x00E9", u"foo\x00C9"},
    {u"a_b_c", u"aBC"},
    {u"a__b", u"aB"},
    {u"user_id", u"userId"},
    {u"User_ID", u"UserID"},
    {u"foo\x0009"
     u"bar",
     u"fooBar"},
    {u"foo_\x0149", u"foo\x02BCN"},
    {u"foo_\x01C6", u"foo\x01C4"},
    {u"foo_\xD800", u"foo\xD800"},
    {u"foo_\xDC00x", u"foo\xDC00x"},
    {u"foo_.bar", u"foo.bar"},
};

// Inputs on which Sequelize's camelize throws a TypeError (a trailing run of `-`/`_`: its
// `(.)?` is undefined and `c.toUpperCase()` fails). The port drops the run instead.
const Case camelizeThrowingCases[] = {
    {u"foo__", u"foo"}, {u"foo_", u"foo"}, {u"-", u""}, {u"_", u""}, {u"a-", u"a"}, {u"_-_", u""},
};

// lodash 4.17 _.upperFirst, from node.
const Case upperFirstCases[] = {
    {u"", u""},
    {u"a", u"A"},
    {u"abc", u"Abc"},
    {u"Abc", u"Abc"},
    {u"user", u"User"},
    {u"userId", u"UserId"},
    {u"1abc", u"1abc"},
    {u"_abc", u"_abc"},
    {u"\x00DF"
     u"a",
     u"SSa"},
    {u"\x0149x", u"\x02BCNx"},
    {u"\x00E9"
     u"a",
     u"\x00C9"
     u"a"},
    {u"e\x0301"
     u"a",
     u"E\x0301"
     u"a"},
    {u"\x0345"
     u"a",
     u"\x0399"
     u"a"},
    {u"\x03B1\x0345\x03B2", u"\x0391\x0399\x03B2"},
    {u"a\x200D"
     u"b",
     u"A\x200D"
     u"B"},
    {u"a\x200D\x200D"
     u"b",
     u"A\x200D\x200D"
     u"b"},
    {u"x\x200D\xD801\xDC28y", u"X\x200D\xD801\xDC00y"},
    {u"\xD801\xDC28x", u"\xD801\xDC00x"},
    {u"\xD801", u"\xD801"},
    {u"\xD801"
     u"a",
     u"\xD801"
     u"a"},
    {u"\xDC00"
     u"a",
     u"\xDC00"
     u"a"},
    {u"\xD83D\xDE00"
     u"a",
     u"\xD83D\xDE00"
     u"a"},
    {u"\x01C6"
     u"a",
     u"\x01C4"
     u"a"},
    {u"\xFB00"
     u"a",
     u"FFa"},
    {u"\x0131"
     u"a",
     u"Ia"},
    {u"\x017F"
     u"a",
     u"Sa"},
    {u"a\xFE0F"
     u"b",
     u"A\xFE0F"
     u"b"},
    {u"a\x0301\x0301"
     u"b",
     u"A\x0301\x0301"
     u"b"},
    {u"a\x0301"
     u"b",
     u"A\x0301"
     u"b"},
    {u"\xD83C\xDDE9\xD83C\xDDEA"
     u"a",
     u"\xD83C\xDDE9\xD83C\xDDEA"
     u"a"},
    {u"\xD83C\xDDE9"
     u"a",
     u"\xD83C\xDDE9"
     u"a"},
    {u"\xD83C\xDFFB\xD83C\xDFFB"
     u"a",
     u"\xD83C\xDFFB\xD83C\xDFFB"
     u"a"},
    {u"\xD83C\xDFFB"
     u"a",
     u"\xD83C\xDFFB"
     u"a"},
    {u"a\xFE0F\x0301"
     u"b",
     u"A\xFE0F\x0301"
     u"b"},
    {u"a\x200D\xD83C\xDDE9\xD83C\xDDEA"
     u"b",
     u"A\x200D\xD83C\xDDE9\xD83C\xDDEA"
     u"b"},
    {u"a\x200D\xD800"
     u"b",
     u"A\x200D\xD800"
     u"b"},
    {u"\x0390"
     u"a",
     u"\x0399\x0308\x0301"
     u"a"},
    {u"\x01F0"
     u"a",
     u"J\x030C"
     u"a"},
    {u"i\x0307"
     u"a",
     u"I\x0307"
     u"a"},
    {u"\x00FF", u"\x0178"},
};

} // namespace

class TstInflection : public QObject
{
    Q_OBJECT

private:
    QList<Row> m_rows[2];

    // Columns "word" and "expected"; one row per fixture row, expected taken by `field`.
    template <typename Field> void addFixtureRows(Field field)
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("expected");
        for (int f = 0; f < 2; ++f) {
            for (int i = 0; i < m_rows[f].size(); ++i) {
                const Row &row = m_rows[f].at(i);
                QTest::addRow("%s %d: %s", fixtures[f].tag, i, rowName(row.word).constData())
                    << row.word << field(row);
            }
        }
    }

    template <size_t N> static void addCases(const Case (&cases)[N])
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        for (const Case &c : cases) {
            const QString input = QString::fromUtf16(c.input);
            QTest::addRow("%s", rowName(input).constData())
                << input << QString::fromUtf16(c.expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int f = 0; f < 2; ++f) {
            QString error;
            m_rows[f] = loadRows(fixtures[f].fileName, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void pluralize_data()
    {
        addFixtureRows([](const Row &r) { return r.pluralize; });
    }
    void pluralize()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        QCOMPARE(mc::pluralize(word), expected);
        QCOMPARE(mc::pluralize(word), expected); // again, from the cache
    }

    void singularize_data()
    {
        addFixtureRows([](const Row &r) { return r.singularize; });
    }
    void singularize()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        QCOMPARE(mc::singularize(word), expected);
        QCOMPARE(mc::singularize(word), expected);
    }

    void underscore_data()
    {
        addFixtureRows([](const Row &r) { return r.underscore; });
    }
    void underscore()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        QCOMPARE(mc::underscore(word), expected);
    }

    void camelizeWithId_data()
    {
        addFixtureRows([](const Row &r) { return r.camelizeWithId; });
    }
    void camelizeWithId()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        QCOMPARE(mc::camelize(word + QLatin1String("_id")), expected);
    }

    void camelize_data() { addCases(camelizeCases); }
    void camelize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(mc::camelize(input), expected);
    }

    void camelizeTrailingSeparator_data() { addCases(camelizeThrowingCases); }
    void camelizeTrailingSeparator()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(mc::camelize(input), expected);
    }

    void upperFirst_data() { addCases(upperFirstCases); }
    void upperFirst()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(mc::upperFirst(input), expected);
    }

    // More distinct words than the per-thread cache holds: results stay right across evictions.
    void cacheEviction()
    {
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 10000; ++i) {
                const QString word = QLatin1String("Item") + QString::number(i);
                QCOMPARE(mc::pluralize(word), word + QLatin1Char('s'));
            }
        }
        QCOMPARE(mc::pluralize(QStringLiteral("Person")), QStringLiteral("People"));
    }

    // The functions are called from several threads at once.
    void concurrentUse()
    {
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([this, t, &failures] {
                for (int pass = 0; pass < 3; ++pass) {
                    for (int f = 0; f < 2; ++f) {
                        for (int i = 0; i < m_rows[f].size(); ++i) {
                            const Row &row = m_rows[f].at((i + t * 7) % m_rows[f].size());
                            if (mc::pluralize(row.word) != row.pluralize ||
                                mc::singularize(row.word) != row.singularize ||
                                mc::underscore(row.word) != row.underscore ||
                                mc::camelize(row.word + QLatin1String("_id")) != row.camelizeWithId)
                                ++failures;
                        }
                    }
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TstInflection)
#include "tst_inflection.moc"
