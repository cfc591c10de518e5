// The DDL dock replaces only the lines an edit changed: the patch must turn the old
// script into the new one exactly, touch only changed lines, and list them last first.
#include "textpatch.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

QString applied(QString text, const QVector<mc::TextReplacement> &patch)
{
    int previous = int(text.size()) + 1;
    for (const mc::TextReplacement &r : patch) {
        if (r.position + r.length > previous) // overlapping or out of order
            return QStringLiteral("<bad order>");
        text.replace(r.position, r.length, r.text);
        previous = r.position;
    }
    return text;
}

} // namespace

class TestTextPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void turnsOldIntoNew_data();
    void turnsOldIntoNew();
    void touchesOnlyChangedLines();
    void randomTexts();
};

void TestTextPatch::turnsOldIntoNew_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    const QString three = QStringLiteral("CREATE a;\nCREATE b;\nCREATE c;\n");
    QTest::newRow("same") << three << three;
    QTest::newRow("from empty") << QString() << three;
    QTest::newRow("to empty") << three << QString();
    QTest::newRow("first line") << three << QStringLiteral("CREATE x;\nCREATE b;\nCREATE c;\n");
    QTest::newRow("last line, no newline")
        << QStringLiteral("a\nb\nc") << QStringLiteral("a\nb\ncc");
    QTest::newRow("line added") << three
                                << QStringLiteral("CREATE a;\nCREATE ab;\nCREATE b;\nCREATE c;\n");
    QTest::newRow("line removed") << three << QStringLiteral("CREATE a;\nCREATE c;\n");
    QTest::newRow("two apart") << three << QStringLiteral("CREATE A;\nCREATE b;\nCREATE C;\n");
    QTest::newRow("newline dropped") << QStringLiteral("a\nb") << QStringLiteral("ab");
    QTest::newRow("newline added") << QStringLiteral("ab") << QStringLiteral("a\nb");
    QTest::newRow("grown at end") << QStringLiteral("a\n") << QStringLiteral("a\nb\n");
}

void TestTextPatch::turnsOldIntoNew()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QCOMPARE(applied(from, mc::textPatch(from, to)), to);
}

void TestTextPatch::touchesOnlyChangedLines()
{
    // A rename seen in two statements far apart: two small replacements, not the
    // whole stretch between them.
    QStringList lines;
    for (int i = 0; i < 1000; ++i)
        lines << QStringLiteral("CREATE TABLE t%1 (id INTEGER);").arg(i);
    const QString from = lines.join(QLatin1Char('\n'));
    lines[10].replace(QLatin1String("id"), QLatin1String("key"));
    lines[990].replace(QLatin1String("id"), QLatin1String("key"));
    const QString to = lines.join(QLatin1Char('\n'));
    const QVector<mc::TextReplacement> patch = mc::textPatch(from, to);
    QCOMPARE(patch.size(), 2);
    QVERIFY(patch[0].position > patch[1].position);
    for (const mc::TextReplacement &r : patch)
        QVERIFY(r.length < 40);
    QCOMPARE(applied(from, patch), to);
}

void TestTextPatch::randomTexts()
{
    QRandomGenerator random(42);
    auto text = [&random] {
        QString s;
        const int n = random.bounded(12);
        for (int i = 0; i < n; ++i)
            s += QLatin1Char("ab\n"[random.bounded(3)]);
        return s;
    };
    for (int i = 0; i < 5000; ++i) {
        const QString from = text();
        const QString to = text();
        QCOMPARE(applied(from, mc::textPatch(from, to)), to);
    }
}

QTEST_MAIN(TestTextPatch)
#include "tst_textpatch.moc"
