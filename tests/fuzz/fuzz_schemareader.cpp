// libFuzzer target: the reader must never crash on any input, and whatever it loads
// must save to a canonical document that reads back and saves to the same bytes.
//
//   fuzz_schemareader -dict=tests/fuzz/dict.txt CORPUS_DIR SEED_DIRS...
#include "io/schemareader.h"
#include "io/schemawriter.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const mc::LoadResult first = mc::readSchema(input);
    if (!first.schema) {
        if (first.diagnostics.isEmpty())
            std::abort(); // a rejected file must say why
        return 0;
    }
    const QByteArray written = mc::writeSchema(*first.schema);
    const mc::LoadResult second = mc::readSchema(written);
    if (!second.schema) {
        std::fprintf(stderr, "written document does not load:\n%s\n", written.constData());
        std::abort();
    }
    const QByteArray rewritten = mc::writeSchema(*second.schema);
    if (rewritten != written) {
        std::fprintf(stderr, "second save differs:\n%s\n---\n%s\n", written.constData(),
                     rewritten.constData());
        std::abort();
    }
    return 0;
}
