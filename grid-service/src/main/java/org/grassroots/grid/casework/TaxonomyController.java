package org.grassroots.grid.casework;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.grassroots.defaults.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "民情分类与时限 Case taxonomy and SLA")
class TaxonomyController {

	private final Taxonomy taxonomy;

	TaxonomyController(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@GetMapping("/categories")
	@Operation(summary = "分类 The district's case categories (seeded on first use)")
	List<Category> categories(Caller caller,
			@RequestParam(required = false, defaultValue = "false") boolean includeInactive) {
		return taxonomy.list(caller, includeInactive);
	}

	@PutMapping("/categories/{code}")
	@Operation(summary = "设置分类 Create or replace a category (district administrator)")
	Category put(Caller caller, @PathVariable String code, @Valid @RequestBody CategoryDraft draft) {
		return taxonomy.put(caller, code, draft);
	}

	@GetMapping("/sla")
	@Operation(summary = "办理时限 SLA rules: hours per category × priority ('*' = default)",
			description = "Without a rule: URGENT 4 h, HIGH 24 h, NORMAL 72 h, LOW 168 h.")
	List<SlaRule> sla(Caller caller) {
		return taxonomy.slaRules(caller);
	}

	@PutMapping("/sla")
	@Operation(summary = "设置办理时限 Replace the SLA rules (district administrator)")
	List<SlaRule> replaceSla(Caller caller, @RequestBody @NotNull @Size(max = 500) List<@Valid @NotNull SlaRule> rules) {
		return taxonomy.replaceSla(caller, rules);
	}
}
