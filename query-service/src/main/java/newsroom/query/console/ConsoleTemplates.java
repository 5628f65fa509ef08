package newsroom.query.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages, checked against their templates (templates/console/) when the service is built. */
@CheckedTemplate(basePath = "console")
final class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    static native TemplateInstance search(Views.Chrome chrome, Views.SearchPage page);

    static native TemplateInstance article(Views.Chrome chrome, Views.ArticlePage page);

    static native TemplateInstance entity(Views.Chrome chrome, Views.EntityPage page);

    static native TemplateInstance compare(Views.Chrome chrome, Views.ComparePage page, String message);

    static native TemplateInstance quotes(Views.Chrome chrome, Views.QuotesPage page);

    static native TemplateInstance stories(Views.Chrome chrome, Views.StoriesPage page);

    static native TemplateInstance story(Views.Chrome chrome, Views.StoryPage page);

    static native TemplateInstance error(Views.Chrome chrome, int status, String message);

    static native TemplateInstance signIn(Views.Chrome chrome, String formToken, String message);
}
