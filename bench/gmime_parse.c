/* The baseline for bench/import.sh: GMime alone parsing every message of an mbox and
 * reading its subject, sender and text parts, with nothing stored. */
#include <gmime/gmime.h>
#include <stdio.h>

static void touch_part(GMimeObject *parent, GMimeObject *part, gpointer data) {
    (void) parent;
    if (GMIME_IS_PART(part)) {
        GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part));
        if (content) {
            GMimeStream *sink = g_mime_stream_mem_new();
            g_mime_data_wrapper_write_to_stream(content, sink);
            *(gsize *) data += g_mime_stream_length(sink);
            g_object_unref(sink);
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: gmime_parse MBOX\n");
        return 64;
    }
    g_mime_init();
    GMimeStream *stream = g_mime_stream_file_open(argv[1], "r", NULL);
    if (!stream) {
        return 66;
    }
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
    long messages = 0;
    gsize bytes = 0;
    while (!g_mime_parser_eos(parser)) {
        GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
        if (!message) {
            break;
        }
        const char *subject = g_mime_message_get_subject(message);
        bytes += subject ? strlen(subject) : 0;
        g_mime_message_foreach(message, touch_part, &bytes);
        g_object_unref(message);
        messages++;
    }
    printf("%ld messages, %lu bytes of content\n", messages, (unsigned long) bytes);
    g_object_unref(parser);
    g_object_unref(stream);
    return 0;
}
