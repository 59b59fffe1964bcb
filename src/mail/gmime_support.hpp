// Internal to src/mail/. What the files that use GMime share: owning pointers for its objects and strings, and
// starting the library once.
#pragma once

#include <gmime/gmime.h>
#include <memory>
#include <mutex>

namespace tkt::mail {

struct GObjectUnref {
    void operator()(gpointer object) const {
        if (object) {
            g_object_unref(object);
        }
    }
};
template <class T> using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
    void operator()(void* memory) const { g_free(memory); }
};
using GString = std::unique_ptr<char, GFree>;

// GMime costs milliseconds to start, so it starts on first use, once.
inline void start_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

}  // namespace tkt::mail
