// Starts Swagger UI on /docs; a static file because the CSP allows no inline script.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: element.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    // The validator badge would call an outside service.
    validatorUrl: null,
  });
});
