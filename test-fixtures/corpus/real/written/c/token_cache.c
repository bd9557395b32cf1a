#include <stdlib.h>
#include <string.h>

struct token_data {
	char *secret;
	size_t secret_len;
	int client_ref_count;
	struct token_data *next;
};

static struct token_data *tokens;

void token_data_ref(struct token_data *token_data)
{
	token_data->client_ref_count++;
}

void token_data_release(struct token_data *token_data)
{
	if (--token_data->client_ref_count > 0)
		return;
	memset(token_data->secret, 0, token_data->secret_len);
	free(token_data->secret);
	token_data->secret = NULL;
	free(token_data);
}

struct token_data *token_lookup(const char *key)
{
	struct token_data *token;
	for (token = tokens; token; token = token->next)
		if (!strcmp(token->secret, key))
			return token;
	return NULL;
}
