// Element start offsets through a SAX hook, and inline-code-aware text extraction.
#include "CXMLLocatedParse.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

// The offset is stored in the node's `_private` field, which libxml2 leaves to applications.
// It is offset + 1, so that 0 (libxml2's default) means "unknown".
static void located_start_element(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                                  int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                                  const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    xmlSAX2StartElementNs(context, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                          attributes);
    if (ctxt->node && ctxt->input && ctxt->input->base && ctxt->input->cur) {
        intptr_t offset = (intptr_t)ctxt->input->consumed + (intptr_t)(ctxt->input->cur - ctxt->input->base);
        ctxt->node->_private = (void *)(offset + 1);
    }
}

static char *copy_trimmed(const char *s) {
    if (!s) return NULL;
    char *message = (char *)xmlStrdup((const xmlChar *)s);
    if (message) {
        size_t n = strlen(message);
        while (n > 0 && (message[n - 1] == '\n' || message[n - 1] == '\r')) message[--n] = 0;
    }
    return message;
}

// The first error of a parse (libxml2's "last error" is often a consequence, like a premature end).
typedef struct FirstError {
    int set;
    char *message;
    int line;
    int column;
} FirstError;

static void record_first_error(void *userData, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)userData;
    FirstError *first = ctxt ? (FirstError *)ctxt->_private : NULL;
    if (!first || first->set || !error || error->level < XML_ERR_ERROR) return;
    first->set = 1;
    first->message = copy_trimmed(error->message ? error->message : "malformed XML");
    first->line = error->line;
    first->column = error->int2;
}

ParleyXMLDocument *parley_xml_parse_located(const uint8_t *bytes, int32_t length, ParleyXMLError *error) {
    error->message = NULL;
    error->line = 0;
    error->column = 0;
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (!context || !context->sax) {
        if (context) xmlFreeParserCtxt(context);
        error->message = copy_trimmed("cannot allocate an XML parser");
        return NULL;
    }
    context->sax->startElementNs = located_start_element;
    FirstError first = {0, NULL, 0, 0};
    context->_private = &first;
    context->sax->serror = record_first_error;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(context, (const char *)bytes, length, "memory.xml", NULL, options);
    if (!doc || !context->wellFormed) {
        const xmlError *last = xmlCtxtGetLastError(context);
        if (first.set) {
            error->message = first.message;
            error->line = first.line;
            error->column = first.column;
        } else if (last) {
            error->message = copy_trimmed(last->message ? last->message : "malformed XML");
            error->line = last->line;
            error->column = last->int2;
        } else {
            error->message = copy_trimmed("malformed XML");
        }
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(context);
        return NULL;
    }
    if (first.message) xmlFree(first.message);
    xmlFreeParserCtxt(context);
    return (ParleyXMLDocument *)doc;
}

int64_t parley_xml_start_offset(ParleyXMLNode *node) {
    intptr_t stored = (intptr_t)((xmlNodePtr)node)->_private;
    return stored > 0 ? (int64_t)(stored - 1) : -1;
}

static int is_skipped(const xmlChar *name, const char *skipped) {
    size_t length = strlen((const char *)name);
    const char *cursor = skipped;
    while (*cursor) {
        const char *end = strchr(cursor, ' ');
        size_t n = end ? (size_t)(end - cursor) : strlen(cursor);
        if (n == length && strncmp(cursor, (const char *)name, n) == 0) return 1;
        if (!end) break;
        cursor = end + 1;
    }
    return 0;
}

static void append_text(xmlBufferPtr buffer, xmlNodePtr node, const char *skipped) {
    for (xmlNodePtr child = node->children; child; child = child->next) {
        switch (child->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (child->content) xmlBufferCat(buffer, child->content);
            break;
        case XML_ELEMENT_NODE:
            if (!is_skipped(child->name, skipped)) append_text(buffer, child, skipped);
            break;
        default:
            break;
        }
    }
}

char *parley_xml_text_skipping(ParleyXMLNode *node, const char *skipped) {
    xmlBufferPtr buffer = xmlBufferCreate();
    if (!buffer) return (char *)xmlStrdup((const xmlChar *)"");
    append_text(buffer, (xmlNodePtr)node, skipped);
    char *result = (char *)xmlStrdup(xmlBufferContent(buffer) ? xmlBufferContent(buffer) : (const xmlChar *)"");
    xmlBufferFree(buffer);
    return result;
}
