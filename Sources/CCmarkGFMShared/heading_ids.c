// Heading ids written by the HTML renderer itself, in the one pass over the document.
//
// cmark-gfm hands a node whose syntax extension has an HTML render function to that function
// instead of rendering it (html.c, S_render_node), and goes on into its children. A heading given
// this file's extension is written as cmark writes a heading, with the id (its user data, freed
// with the node) in the opening tag. That function is handed the renderer, whose first field is
// the buffer being written (html.h, `cmark_html_renderer`); `passerelle_cmark_heading_ids_work`
// checks this on a rendered heading before any page relies on it.
#include "CCmarkGFMShared.h"
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm/buffer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static cmark_syntax_extension *heading_ids;
static pthread_once_t heading_ids_made = PTHREAD_ONCE_INIT;

static void render_heading(cmark_syntax_extension *extension, struct cmark_html_renderer *renderer,
                           cmark_node *node, cmark_event_type event, int options) {
    (void)extension;
    (void)options;
    cmark_strbuf *html = *(cmark_strbuf **)renderer;
    char level = (char)('0' + cmark_node_get_heading_level(node));
    if (event == CMARK_EVENT_ENTER) {
        if (html->size && html->ptr[html->size - 1] != '\n') cmark_strbuf_putc(html, '\n');
        char open[] = "<h0 id=\"";
        open[2] = level;
        cmark_strbuf_puts(html, open);
        const char *id = cmark_node_get_user_data(node);
        if (id) cmark_strbuf_puts(html, id);
        cmark_strbuf_puts(html, "\">");
    } else if (event == CMARK_EVENT_EXIT) {
        char close[] = "</h0>\n";
        close[3] = level;
        cmark_strbuf_puts(html, close);
    }
}

static void make_heading_ids(void) {
    heading_ids = cmark_syntax_extension_new("passerelle-heading-ids");
    cmark_syntax_extension_set_html_render_func(heading_ids, render_heading);
}

static void free_id(cmark_mem *mem, void *id) {
    (void)mem;
    free(id);
}

void passerelle_cmark_set_heading_id(cmark_node *heading, const char *id) {
    pthread_once(&heading_ids_made, make_heading_ids);
    char *copy = strdup(id);
    if (!copy) return;
    cmark_node_set_user_data(heading, copy);
    cmark_node_set_user_data_free_func(heading, free_id);
    cmark_node_set_syntax_extension(heading, heading_ids);
}

int passerelle_cmark_heading_ids_work(void) {
    // A heading in a list item: written after "<li>", where the renderer starts a new line first.
    const char *text = "- ## A *b*\n";
    cmark_node *document = cmark_parse_document(text, strlen(text), CMARK_OPT_DEFAULT);
    if (!document) return 0;
    cmark_node *heading = NULL;
    cmark_iter *iter = cmark_iter_new(document);
    while (!heading && cmark_iter_next(iter) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) heading = node;
    }
    cmark_iter_free(iter);
    int works = 0;
    if (heading) {
        passerelle_cmark_set_heading_id(heading, "a-b");
        char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, NULL);
        works = html && strcmp(html, "<ul>\n<li>\n<h2 id=\"a-b\">A <em>b</em></h2>\n</li>\n</ul>\n") == 0;
        free(html);
    }
    cmark_node_free(document);
    return works;
}
